package org.enquirytriage.events;

import java.time.Instant;

/** A case's time limit ran out before the department acted. */
public record SlaBreached(String eventId, Instant occurredAt, String caseId, String department, SlaClock clock,
        Instant dueAt) implements CaseEvent {
}
