package org.enquirytriage.events;

import java.time.Instant;

/** A case was given to a department (first routing or re-routing, 改派) with its time limits. */
public record CaseAssigned(String eventId, Instant occurredAt, String caseId, String department,
        Instant firstResponseDue, Instant resolutionDue, String by) implements CaseEvent {
}
