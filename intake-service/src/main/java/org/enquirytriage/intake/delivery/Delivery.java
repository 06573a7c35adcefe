package org.enquirytriage.intake.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The delivery of one answer to the citizen of one enquiry. Its id is the id of the {@code CaseAnswered} event, so
 * that a redelivered event makes no second delivery. It holds how to reach the citizen (restricted: never logged,
 * shown only to the staff who deliver it).
 *
 * @param recipient the WeChat openid, or the hotline caller's phone number; {@code null} for Open311
 * @param reference the channel's own id of the enquiry (the hotline's order number, the WeChat MsgId)
 * @param message the answer as the department wrote it
 * @param attempts how often it was tried
 * @param lastError why the last attempt failed
 * @param nextAttemptAt when it is tried next (also how long an instance holds it while trying)
 * @param completedBy who completed it: the hotline agent who called back
 */
@Document(Delivery.COLLECTION)
record Delivery(@Id String id, String enquiryId, String caseId, String channel, DeliveryMethod method,
        String recipient, String reference, String department, String message, DeliveryState state, int attempts,
        String lastError, Instant createdAt, Instant updatedAt, Instant nextAttemptAt, Instant deliveredAt,
        String completedBy) {

    static final String COLLECTION = "deliveries";
}
