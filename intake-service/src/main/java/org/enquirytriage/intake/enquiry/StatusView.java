package org.enquirytriage.intake.enquiry;

import java.time.Instant;

/** What a citizen holding the tracking token may see of an enquiry: no personal data. */
public record StatusView(String enquiryId, EnquiryStatus status, String channel, Instant receivedAt) {
}
