package org.enquirytriage.intake.enquiry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.enquirytriage.events.EnquiryLocation;

/**
 * An enquiry as a channel sent it, already checked for form, before it is normalised and masked.
 *
 * @param writtenAt when the citizen wrote it, as the channel says; may be {@code null}
 * @param details what the channel adds that is not personal (see {@link Enquiry#details()}); may be {@code null}
 */
public record NewEnquiry(String channel, String externalId, String subject, String text, Instant writtenAt,
        Contact contact, EnquiryLocation location, List<String> attachments, Map<String, String> details) {

    /** An enquiry without channel details. */
    public NewEnquiry(String channel, String externalId, String subject, String text, Instant writtenAt,
            Contact contact, EnquiryLocation location, List<String> attachments) {
        this(channel, externalId, subject, text, writtenAt, contact, location, attachments, null);
    }
}
