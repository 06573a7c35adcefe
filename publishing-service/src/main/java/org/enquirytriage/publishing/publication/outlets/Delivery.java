package org.enquirytriage.publishing.publication.outlets;

import java.time.Instant;

import org.enquirytriage.publishing.publication.PublicationProperties.OutletKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One item's delivery to one outlet. Its id, {@code <item id>:<outlet>}, is the idempotency key: the delivery is
 * recorded once however often the item's publication is heard of, and the key travels with every attempt so that
 * the receiver can recognise a repeat.
 *
 * @param attempts the attempts made so far
 * @param nextAttemptAt when a failed delivery is tried again
 * @param leaseUntil until when the instance that took it over is sending it
 * @param remoteId what the outlet called it (WeChat's {@code publish_id}, the webhook receiver's id)
 * @param draftMediaId the WeChat draft made by an earlier attempt, published without making it again
 */
@Document(Delivery.COLLECTION)
public record Delivery(@Id String id, String qaId, String postId, String outlet, OutletKind kind, Status status,
        int attempts, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant leaseUntil,
        Instant sentAt, String lastError, String remoteId, String draftMediaId) {

    static final String COLLECTION = "deliveries";

    /** Where a delivery stands. */
    public enum Status {
        /** Waiting for its first attempt. */
        PENDING,
        /** An instance is sending it now. */
        SENDING,
        /** The outlet has it. */
        SENT,
        /** The last attempt failed; it is tried again at {@code nextAttemptAt}. */
        FAILED,
        /** It failed too often or was refused: on the dead-letter list until an editor retries it. */
        DEAD,
        /** The item was retired before it could be delivered. */
        CANCELLED
    }

    static String key(String qaId, String outlet) {
        return qaId + ":" + outlet;
    }

    static Delivery pending(String qaId, String postId, String outlet, OutletKind kind, Instant now) {
        return new Delivery(key(qaId, outlet), qaId, postId, outlet, kind, Status.PENDING, 0, now, null, now, null,
                null, null, null, null);
    }
}
