package org.enquirytriage.intake.enquiry;

/**
 * What became of one enquiry of a batch ({@link EnquiryIntake#receiveAll}): its receipt, or why it was refused, in
 * which case nothing of it was stored.
 *
 * @param receipt what the channel is told, or {@code null} when refused
 * @param refusal why it was refused, or {@code null} when received
 */
public record BatchItem(Receipt receipt, EnquiryRefusedException refusal) {

    static BatchItem received(Receipt receipt) {
        return new BatchItem(receipt, null);
    }

    static BatchItem refused(EnquiryRefusedException refusal) {
        return new BatchItem(null, refusal);
    }
}
