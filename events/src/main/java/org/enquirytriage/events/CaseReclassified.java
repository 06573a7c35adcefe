package org.enquirytriage.events;

import java.time.Instant;

/** Staff corrected a case's classification; the correction is kept as a training label. */
public record CaseReclassified(String eventId, Instant occurredAt, String caseId, Classification classification,
        String department, String by, String reason) implements CaseEvent {
}
