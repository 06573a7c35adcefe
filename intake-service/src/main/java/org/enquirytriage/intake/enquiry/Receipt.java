package org.enquirytriage.intake.enquiry;

/**
 * What the channel is told about an enquiry it sent.
 *
 * @param trackingToken the secret that lets the citizen look up the enquiry's status; {@code null} for a repeat sent
 *        by anyone but the channel key that created the enquiry
 * @param outcome whether this request stored the enquiry, repeated it, or repeated its id with another text
 */
public record Receipt(String enquiryId, String trackingToken, EnquiryStatus status, Outcome outcome) {

    /** Whether this request stored the enquiry. */
    public boolean created() {
        return outcome == Outcome.CREATED;
    }

    /** What became of a channel's message. */
    public enum Outcome {
        /** stored as a new enquiry */
        CREATED,
        /** the same message again: nothing changed */
        REPEATED,
        /** the id of a stored message with another subject or text: nothing changed, and the conflict was logged */
        CONFLICTING
    }
}
