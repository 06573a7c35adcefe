package org.enquirytriage.intake.hotline;

/** A batch of work orders that cannot be read at all; answered 400 and nothing of it is kept. */
class UnreadableWorkOrdersException extends RuntimeException {

    UnreadableWorkOrdersException(String message) {
        super(message);
    }
}
