package org.enquirytriage.problem;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The problem details the services answer with, so that every endpoint words the same failure the same way. */
public final class Problems {

    /** Where the problem types live; a type is this followed by a short name such as {@code invalid-request}. */
    public static final String TYPE_BASE = "https://enquirytriage.org/problems/";

    private Problems() {
    }

    /** A problem of one of the project's types ({@code invalid-request}, {@code overloaded}, …). */
    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A 400 for a request that breaks the rules, with the detail given and the fields listed in {@code errors}. */
    public static ProblemDetail invalid(String detail, List<InvalidField> errors) {
        ProblemDetail problem = of(HttpStatusCode.valueOf(400), "invalid-request", "Invalid Request", detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /**
     * A 400 for a request whose fields break the rules, sorted by field, and a detail naming them all:
     * {@code The request has invalid fields: limit must be at most 100; topic must not be blank.}
     */
    public static ProblemDetail invalid(List<InvalidField> errors) {
        return invalidFields("The request", errors);
    }

    /** As {@link #invalid(List)}, about a part of the request that {@code what} names ({@code Item 3}). */
    public static ProblemDetail invalidFields(String what, List<InvalidField> errors) {
        List<InvalidField> sorted = errors.stream().sorted(Comparator.comparing(InvalidField::field)).toList();
        return invalid(what + " has invalid fields: " + sorted.stream()
                .map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; ")) + ".",
                sorted);
    }

    /**
     * A refusal that the client may try again after a while ({@code 429}, {@code 503}): the problem with
     * {@code retryAfterSeconds}, to be sent with {@link #send} and a {@code Retry-After} header.
     */
    public static ProblemDetail refused(HttpStatusCode status, String type, String title, String detail,
            Duration retryAfter) {
        ProblemDetail problem = of(status, type, title, detail);
        problem.setProperty("retryAfterSeconds", retryAfterSeconds(retryAfter));
        return problem;
    }

    /**
     * Writes a problem as the whole response from outside Spring MVC (a filter, Spring Security's handlers), about the
     * path requested; with {@code Retry-After} when the problem has {@code retryAfterSeconds}.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem,
            ObjectMapper objectMapper) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(URI.create(request.getRequestURI()));
        }
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        if (problem.getProperties() != null
                && problem.getProperties().get("retryAfterSeconds") instanceof Long seconds) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);   // as UTF-8, which JSON is by definition
    }

    /** Whole seconds to wait, at least one, as {@code Retry-After} wants them. */
    public static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, retryAfter.toSeconds());
    }

    /** The path of the field a JSON mapping failed at ({@code location.latitude}, {@code attachments[2]}). */
    public static String fieldOf(Throwable error) {
        JsonMappingException mapping = causeOfType(error, JsonMappingException.class);
        return mapping == null ? "" : path(mapping.getPath());
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
