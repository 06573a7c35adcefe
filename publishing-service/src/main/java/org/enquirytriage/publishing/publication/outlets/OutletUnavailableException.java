package org.enquirytriage.publishing.publication.outlets;

/** The outlet could not be reached, timed out or was busy: worth trying again. */
class OutletUnavailableException extends RuntimeException {

    OutletUnavailableException(String message) {
        super(message);
    }

    OutletUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
