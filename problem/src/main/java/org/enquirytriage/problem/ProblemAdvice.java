package org.enquirytriage.problem;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Answers every error a service does not map itself as {@code application/problem+json}: Spring MVC's own (404, 405,
 * 415, …) as {@link ResponseEntityExceptionHandler} words them, and bad input, whatever Spring found wrong with it
 * (bean validation of a body or of parameters, a body that is not JSON, a value of the wrong type, a missing
 * parameter), as one {@code invalid-request} 400 that lists the {@link InvalidField}s. An unexpected failure is
 * logged and answered as a 500 that gives nothing of its cause away; the input itself is never logged.
 * <p>
 * It comes last, so that a service's own advice for its domain exceptions is asked first. Registered by
 * {@link ProblemAutoConfiguration}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> invalid(error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error))
                .toList();
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<InvalidField> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> errorsOf(result).stream())
                .toList();
        return invalid(ex, errors, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Class<?> type = ex.getRequiredType();
        String expected = type != null && type.isEnum()
                ? "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "))
                : type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive()) ? "a number"
                        : "a " + (type == null ? "value of another type" : type.getSimpleName());
        String field = ex.getPropertyName() == null ? "value" : ex.getPropertyName();
        return invalid(ex, List.of(new InvalidField(field, "must be " + expected + " (was " + ex.getValue() + ")")),
                headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, List.of(new InvalidField(ex.getParameterName(), "is missing")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(ex, List.of(new InvalidField(ex.getRequestPartName(), "is missing")), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, unreadable(ex), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A controller validated with {@code @Validated} on its class refuses this way rather than as above. */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        List<InvalidField> errors = ex.getConstraintViolations().stream()
                .map(violation -> new InvalidField(lastNode(violation), violation.getMessage()))
                .toList();
        return invalid(ex, errors, new HttpHeaders(), request);
    }

    /** Anything else is a fault of the service: logged here, answered without its details. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Request failed", ex);
        return handleExceptionInternal(ex, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal Server Error", "The request failed on the server; the error has been logged."),
                new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> invalid(Exception ex, List<InvalidField> errors, HttpHeaders headers,
            WebRequest request) {
        return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static List<InvalidField> errorsOf(ParameterValidationResult result) {
        if (result instanceof ParameterErrors errors) {
            return errors.getAllErrors().stream()
                    .map(error -> invalid(error instanceof FieldError field ? field.getField() : nameOf(result
                            .getMethodParameter()), error))
                    .toList();
        }
        String name = nameOf(result.getMethodParameter());
        return result.getResolvableErrors().stream().map(error -> invalid(name, error)).toList();
    }

    /** The name the client used: the request parameter's, path variable's or header's if it is not the Java name. */
    private static String nameOf(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null && !variable.name().isEmpty()) {
            return variable.name();
        }
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    private static InvalidField invalid(String field, MessageSourceResolvable error) {
        return new InvalidField(field, error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        return StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .reduce((first, second) -> second).map(Path.Node::getName).orElse("value");
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        JsonMappingException mapping = Problems.causeOfType(ex, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            String field = Problems.path(mapping.getPath());
            return Problems.invalid("The field " + field + " has a value of the wrong type or form"
                    + at(mapping.getLocation()) + ".", List.of(new InvalidField(field, "has the wrong type or form")));
        }
        if (mapping != null) {
            return Problems.invalid("The request body must be a JSON object" + at(mapping.getLocation()) + ".",
                    List.of());
        }
        JsonProcessingException parsing = Problems.causeOfType(ex, JsonProcessingException.class);
        if (parsing != null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body could not be read as JSON: " + parsing.getOriginalMessage()
                            + at(parsing.getLocation()) + ".");
        }
        if (ex.getCause() == null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body is missing.");
        }
        log.debug("Unreadable request body: {}", ex.getCause().getClass().getName());
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "The request body could not be read as JSON.");
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
