package org.enquirytriage.triage.casework;

/**
 * Taking a batch of received enquiries on failed at one of them: those before it are taken on, it and those after
 * it may not be.
 */
class EnquiriesNotTakenOnException extends RuntimeException {

    private final int firstNotTakenOn;

    EnquiriesNotTakenOnException(int firstNotTakenOn, Throwable cause) {
        super("Enquiry " + firstNotTakenOn + " of the batch and those after it may not be taken on: " + cause, cause);
        this.firstNotTakenOn = firstNotTakenOn;
    }

    /** The position in the batch of the first enquiry that may not be taken on. */
    int firstNotTakenOn() {
        return firstNotTakenOn;
    }
}
