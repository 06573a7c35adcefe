package org.enquirytriage.classifier;

import java.io.IOException;

/** A model file that is not a readable, complete model of this format. */
public class InvalidModelException extends IOException {

    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
