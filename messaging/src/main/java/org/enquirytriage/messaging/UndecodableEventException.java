package org.enquirytriage.messaging;

/** A record that is not a readable event: retrying will not help, so it goes straight to the dead-letter topic. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
