package org.enquirytriage.intake.enquiry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enquiry as intake stores it. The top-level fields are what may be shown and passed on (normalised, personal
 * data masked); {@code restricted} holds what the citizen gave as it was and how to reach them, for the handling
 * department only; {@code progress} is where the enquiry stands for the citizen, kept up to date from the case
 * events; {@code outbox} holds the events not yet sent.
 *
 * @param subject the normalised, masked subject, or {@code null}
 * @param text the normalised, masked text
 * @param writtenAt when the citizen wrote it, as the channel says
 * @param receivedAt when intake stored it
 * @param citizenKey the keyed hash of the citizen's contact, or {@code null}
 * @param details what a channel adds that is not personal, such as the Open311 service code or the hotline's own
 *        source channel
 */
@Document(Enquiry.COLLECTION)
public record Enquiry(@Id String id, String channel, String externalId, String subject, String text,
        Instant writtenAt, Instant receivedAt, EnquiryLocation location, List<String> attachments, String citizenKey,
        Map<String, String> details, Restricted restricted, Progress progress, List<OutboxMessage> outbox) {

    /** The MongoDB collection of enquiries, whose outboxes the relay sends. */
    public static final String COLLECTION = "enquiries";

    /** A channel detail, or {@code null}. */
    public String detail(String name) {
        return details == null ? null : details.get(name);
    }

    /**
     * What must not leave intake except to the handling department.
     *
     * @param trackingTokenHash the SHA-256 of the citizen's tracking token (never the token itself)
     * @param postedBy the id of the channel key that sent it (the relayed token's subject), or {@code null} for a
     *        channel without keys (WeChat, Open311); only this key is given the tracking token again on a repeat
     * @param originalSubject the subject exactly as the channel sent it
     * @param originalText the text exactly as the channel sent it
     */
    public record Restricted(String trackingTokenHash, String postedBy, String originalSubject, String originalText,
            Contact contact) {
    }
}
