package org.enquirytriage.events;

import java.time.Instant;

/** The case is closed: resolved and rated, or closed by a supervisor. */
public record CaseClosed(String eventId, Instant occurredAt, String caseId, String department, String reason)
        implements CaseEvent {
}
