package org.enquirytriage.intake.enquiry;

/** Where an enquiry stands as its citizen sees it. */
public enum EnquiryStatus {

    /** Intake has it and has passed it on for triage. */
    RECEIVED
}
