package org.enquirytriage.publishing.responses;

/** No response has this id (answered 404). */
public class ResponseNotFoundException extends RuntimeException {

    public ResponseNotFoundException(String id) {
        super("No surge response " + id);
    }
}
