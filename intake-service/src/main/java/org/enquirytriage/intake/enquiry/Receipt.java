package org.enquirytriage.intake.enquiry;

/**
 * What the channel is told about an enquiry it sent.
 *
 * @param trackingToken the secret that lets the citizen look up the enquiry's status
 * @param created {@code true} when this request stored the enquiry, {@code false} when it was a repeat
 */
public record Receipt(String enquiryId, String trackingToken, EnquiryStatus status, boolean created) {
}
