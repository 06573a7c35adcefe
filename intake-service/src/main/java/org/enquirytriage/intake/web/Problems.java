package org.enquirytriage.intake.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import com.fasterxml.jackson.databind.JsonMappingException;

/** The problem details intake answers with, so that every endpoint words the same failure the same way. */
public final class Problems {

    private static final String TYPE_BASE = "https://enquirytriage.org/problems/";

    private Problems() {
    }

    /** A problem of a type under intake's problem types. */
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A 400 for a request that breaks the rules, listing the fields. */
    public static ProblemDetail invalid(String detail, List<InvalidField> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid Request", detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** The path of the field a JSON mapping failed at ({@code location.latitude}, {@code attachments[2]}). */
    public static String fieldOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return path(mapping.getPath());
            }
        }
        return "";
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

    /** One field of a request that breaks a rule, listed in a problem's {@code errors}. */
    public record InvalidField(String field, String message) {
    }
}
