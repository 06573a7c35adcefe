package org.enquirytriage.events;

import java.time.Instant;

/**
 * Most of a case's time for one of its limits has gone.
 *
 * @param elapsedShare the share of the time elapsed when the warning was raised, e.g. 0.75
 */
public record SlaWarning(String eventId, Instant occurredAt, String caseId, String department, SlaClock clock,
        Instant dueAt, double elapsedShare) implements CaseEvent {
}
