package org.enquirytriage.publishing.responses;

/** A step the response's state does not allow (answered 409). */
public class ResponseConflictException extends RuntimeException {

    public ResponseConflictException(String message) {
        super(message);
    }
}
