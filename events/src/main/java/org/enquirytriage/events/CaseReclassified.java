package org.enquirytriage.events;

import java.time.Instant;

/**
 * Staff corrected a case's classification; the correction is kept as a training label, with the subject and text
 * it was made on (added in this version; absent from earlier events).
 */
public record CaseReclassified(String eventId, Instant occurredAt, String caseId, Classification classification,
        String department, String by, String reason, String subject, String text) implements CaseEvent {
}
