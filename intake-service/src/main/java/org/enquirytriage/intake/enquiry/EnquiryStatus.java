package org.enquirytriage.intake.enquiry;

/** Where an enquiry stands as its citizen sees it. */
public enum EnquiryStatus {

    /** Intake has it and has passed it on for triage. */
    RECEIVED,

    /** A department has its case (also after a transfer, an extension or a reopening). */
    OPEN,

    /** The department has answered; the citizen may rate the answer. */
    ANSWERED,

    /** The case is resolved. */
    RESOLVED,

    /** The case is closed. */
    CLOSED;

    /** Whether Open311 calls it {@code closed}: nothing more will be done. */
    public boolean isFinished() {
        return this == RESOLVED || this == CLOSED;
    }
}
