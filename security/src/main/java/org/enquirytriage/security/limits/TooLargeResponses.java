package org.enquirytriage.security.limits;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.enquirytriage.problem.Problems;
import org.springframework.http.HttpStatus;

/** Writes the 413 problem+json of a request body over its limit, saying what the limit is. */
final class TooLargeResponses {

    private final ObjectMapper objectMapper;

    TooLargeResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    void send(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        Problems.send(request, response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                "Request Body Too Large", "The request body is larger than the limit of " + limit + " bytes."),
                objectMapper);
    }
}
