package org.enquirytriage.triage.casework;

import java.time.Instant;

import org.enquirytriage.events.EnquiryReceived;

/**
 * An enquiry linked to a case it repeats (并单), kept whole so that a wrong merge can be split off into a case of
 * its own.
 *
 * @param citizenKey the pseudonym of the citizen, never shown in a view
 */
public record MergedEnquiry(String enquiryId, String channel, String subject, String text, String regionCode,
        String citizenKey, Instant mergedAt) {

    static MergedEnquiry of(EnquiryReceived enquiry, Instant mergedAt) {
        return new MergedEnquiry(enquiry.enquiryId(), enquiry.channel(), enquiry.subject(), enquiry.text(),
                enquiry.location() == null ? null : enquiry.location().regionCode(), enquiry.citizenKey(), mergedAt);
    }
}
