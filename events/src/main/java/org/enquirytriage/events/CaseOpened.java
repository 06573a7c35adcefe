package org.enquirytriage.events;

import java.time.Instant;

/**
 * Triage opened a case for an enquiry, classified it and routed it to a department with its time limits.
 *
 * @param department the responsible department, or the manual triage desk
 */
public record CaseOpened(String eventId, Instant occurredAt, String caseId, String enquiryId, String channel,
        String subject, String text, String regionCode, String citizenKey, Classification classification,
        String department, Instant firstResponseDue, Instant resolutionDue) implements CaseEvent {
}
