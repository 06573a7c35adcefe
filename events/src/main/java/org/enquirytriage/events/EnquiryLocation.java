package org.enquirytriage.events;

/** Where the matter of an enquiry is, as far as the citizen or the channel said. */
public record EnquiryLocation(String regionCode, String address, Double latitude, Double longitude) {
}
