package org.enquirytriage.events;

import java.time.Instant;

/** The department sent a misrouted case back (退单) with a reason. */
public record CaseTransferred(String eventId, Instant occurredAt, String caseId, String fromDepartment,
        String toDepartment, String reason, String by) implements CaseEvent {
}
