package org.enquirytriage.triage.casework;

/** The case changed since the version the request was based on; nothing of the request was saved. */
public class ConcurrentChangeException extends RuntimeException {

    private final Long currentVersion;

    ConcurrentChangeException(String message, Long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    /** The version of the case now, when known. */
    public Long currentVersion() {
        return currentVersion;
    }
}
