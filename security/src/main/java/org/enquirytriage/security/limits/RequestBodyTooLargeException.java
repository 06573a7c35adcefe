package org.enquirytriage.security.limits;

import java.io.IOException;

/**
 * A streamed request body went past the size limit while it was being read. An {@link IOException}, so that a JSON
 * parser or message converter lets it through as the cause of its failure rather than as a parse error.
 */
class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
