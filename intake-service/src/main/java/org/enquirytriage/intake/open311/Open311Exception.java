package org.enquirytriage.intake.open311;

import org.springframework.http.HttpStatus;

/** A request the GeoReport API refuses; answered in the spec's error format with the HTTP status. */
class Open311Exception extends RuntimeException {

    private final HttpStatus status;

    Open311Exception(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
