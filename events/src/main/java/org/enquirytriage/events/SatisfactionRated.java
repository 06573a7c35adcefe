package org.enquirytriage.events;

import java.time.Instant;

/** The citizen rated the answer to their enquiry. */
public record SatisfactionRated(String eventId, Instant occurredAt, String caseId, String enquiryId,
        Satisfaction rating, String comment) implements CaseEvent {
}
