package org.enquirytriage.events;

import java.time.Instant;

/**
 * A case was escalated to the supervisors (督办).
 *
 * @param level 1 on the first breach, higher while the breach persists
 */
public record CaseEscalated(String eventId, Instant occurredAt, String caseId, String department, int level,
        String reason) implements CaseEvent {
}
