package org.enquirytriage.intake.web;

import java.io.IOException;

/**
 * A request body went past the size limit while it was being read. An {@link IOException}, so that the JSON parser
 * lets it through as it is rather than as a parse error.
 */
class RequestTooLargeException extends IOException {

    private final long limit;

    RequestTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
