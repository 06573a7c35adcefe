package org.enquirytriage.publishing.publication.outlets;

/** The outlet refused the item for good (bad credentials, a refused body): trying again changes nothing. */
class OutletRejectedException extends RuntimeException {

    OutletRejectedException(String message) {
        super(message);
    }
}
