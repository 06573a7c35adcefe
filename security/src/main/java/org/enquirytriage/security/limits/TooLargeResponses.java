package org.enquirytriage.security.limits;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Writes the 413 problem+json of a request body over its limit, saying what the limit is. */
final class TooLargeResponses {

    private final ObjectMapper objectMapper;

    TooLargeResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    void send(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://enquirytriage.org/problems/request-too-large");
        problem.put("title", "Request Body Too Large");
        problem.put("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
        problem.put("detail", "The request body is larger than the limit of " + limit + " bytes.");
        problem.put("instance", request.getRequestURI());
        response.resetBuffer();
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);   // as UTF-8, which JSON is by definition
    }
}
