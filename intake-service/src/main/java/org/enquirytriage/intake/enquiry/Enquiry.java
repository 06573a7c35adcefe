package org.enquirytriage.intake.enquiry;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enquiry as intake stores it. The top-level fields are what may be shown and passed on (normalised, personal
 * data masked); {@code restricted} holds what the citizen gave as it was and how to reach them, for the handling
 * department only; {@code progress} is where the enquiry stands for the citizen's status lookup (the case events
 * will add the department, the deadline and the answer there); {@code outbox} holds the events not yet sent.
 *
 * @param subject the normalised, masked subject, or {@code null}
 * @param text the normalised, masked text
 * @param writtenAt when the citizen wrote it, as the channel says
 * @param receivedAt when intake stored it
 * @param citizenKey the keyed hash of the citizen's contact, or {@code null}
 */
@Document(Enquiry.COLLECTION)
record Enquiry(@Id String id, String channel, String externalId, String subject, String text, Instant writtenAt,
        Instant receivedAt, EnquiryLocation location, List<String> attachments, String citizenKey,
        Restricted restricted, Progress progress, List<OutboxMessage> outbox) {

    static final String COLLECTION = "enquiries";

    /**
     * What must not leave intake except to the handling department.
     *
     * @param trackingToken the citizen's tracking token, kept as issued so that a repeated request can be answered
     *        with it again; never logged, only compared in constant time
     * @param originalSubject the subject exactly as the channel sent it
     * @param originalText the text exactly as the channel sent it
     */
    record Restricted(String trackingToken, String originalSubject, String originalText, Contact contact) {
    }

    /** Where the enquiry stands, as the citizen's status lookup shows it. */
    record Progress(EnquiryStatus status, Instant updatedAt) {
    }
}
