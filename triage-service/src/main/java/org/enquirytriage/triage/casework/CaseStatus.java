package org.enquirytriage.triage.casework;

/** Where a case is in its life. */
public enum CaseStatus {
    /** Opened from an enquiry, not yet given to a department. */
    OPENED,
    /** Given to a department (possibly the manual triage desk), which has not yet accepted it. */
    ROUTED
}
