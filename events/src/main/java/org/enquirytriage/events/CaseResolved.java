package org.enquirytriage.events;

import java.time.Instant;

/** The department reports the matter of the case resolved. */
public record CaseResolved(String eventId, Instant occurredAt, String caseId, String department, String by)
        implements CaseEvent {
}
