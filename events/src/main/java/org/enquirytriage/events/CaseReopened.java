package org.enquirytriage.events;

import java.time.Instant;

/** A closed or answered case was opened again, usually because the citizen was not satisfied. */
public record CaseReopened(String eventId, Instant occurredAt, String caseId, String department, String reason)
        implements CaseEvent {
}
