package org.enquirytriage.triage.classification;

/** A model that cannot replace the one in use: unreadable, of another label, or deciding classes it may not. */
public class ModelRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelRejectedException(String message) {
        super(message);
    }

    public ModelRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
