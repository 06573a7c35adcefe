package org.enquirytriage.intake.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Answers every error as {@code application/problem+json} with a detail that says what was wrong: Spring MVC's own
 * errors (404, 405, 415, …) as {@link ResponseEntityExceptionHandler} words them, and these more precisely: a body
 * that is not JSON (with the line and column), a field of the wrong type, fields that break the rules. A body over
 * the size limit is answered before, by the {@code security} module's request size limit. Bad input never comes back
 * as a 500; the input itself is never logged.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> fieldErrors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField)).toList();
        List<Problems.InvalidField> errors = fieldErrors.stream()
                .map(error -> new Problems.InvalidField(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        String fields = fieldErrors.stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid Request",
                "The request has invalid fields: " + fields + ".");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, unreadable(ex), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The database cannot be reached: the enquiry was not stored and the channel should send it again later. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ResponseEntity<Object> handleStoreUnavailable(DataAccessResourceFailureException ex, WebRequest request) {
        log.error("The enquiry store is not available: {}", ex.getClass().getName(), ex);
        return handleExceptionInternal(ex, problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service Unavailable", "The enquiry store is not available; send the request again later."),
                new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** Anything else is a fault of the service: logged here, answered without its details. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Request failed", ex);
        return handleExceptionInternal(ex, problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal Server Error", "The request failed on the server; the error has been logged."),
                new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        JsonMappingException mapping = causeOfType(ex, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid Request",
                    "The field " + field + " has a value of the wrong type or form" + at(mapping.getLocation())
                            + ".");
            problem.setProperty("errors", List.of(new Problems.InvalidField(field, "has the wrong type or form")));
            return problem;
        }
        if (mapping != null) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid Request",
                    "The request body must be a JSON object" + at(mapping.getLocation()) + ".");
        }
        JsonProcessingException parsing = causeOfType(ex, JsonProcessingException.class);
        if (parsing != null) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body could not be read as JSON: " + parsing.getOriginalMessage()
                            + at(parsing.getLocation()) + ".");
        }
        if (ex.getCause() == null) {
            return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body is missing.");
        }
        log.debug("Unreadable request body: {}", ex.getCause().getClass().getName());
        return problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "The request body could not be read as JSON.");
    }

    private static String path(List<JsonMappingException.Reference> references) {
        return Problems.path(references);
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        return Problems.of(status, type, title, detail);
    }

    private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
