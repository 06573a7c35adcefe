package org.enquirytriage.intake.enquiry;

/** A rating that cannot be taken now: the enquiry has no answer yet, or was rated already. */
public class RatingRefusedException extends RuntimeException {

    RatingRefusedException(String message) {
        super(message);
    }
}
