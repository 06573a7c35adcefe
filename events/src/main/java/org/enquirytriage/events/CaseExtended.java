package org.enquirytriage.events;

import java.time.Instant;

/** A supervisor approved more time (延期) for a case's resolution. */
public record CaseExtended(String eventId, Instant occurredAt, String caseId, String department, int workingDays,
        Instant resolutionDue, String reason, String approvedBy) implements CaseEvent {
}
