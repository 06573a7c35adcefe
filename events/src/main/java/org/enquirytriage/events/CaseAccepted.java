package org.enquirytriage.events;

import java.time.Instant;

/** The department accepted the case: its first response. */
public record CaseAccepted(String eventId, Instant occurredAt, String caseId, String department, String by)
        implements CaseEvent {
}
