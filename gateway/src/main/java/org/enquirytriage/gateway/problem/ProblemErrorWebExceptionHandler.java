package org.enquirytriage.gateway.problem;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Answers the gateway's own errors (no route, method not allowed, anything unexpected) with problem details,
 * in place of Spring Boot's JSON error attributes.
 */
@Component
@Order(-2)
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ProblemResponses problems;

    ProblemErrorWebExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        return problems.write(exchange, problemFor(exchange, ex));
    }

    private static ProblemDetail problemFor(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof WebExchangeBindException invalid) {
            return invalidFields(invalid);
        }
        if (ex instanceof ErrorResponse error) {
            exchange.getResponse().getHeaders().addAll(error.getHeaders());
            ProblemDetail problem = error.getBody();
            if (problem.getStatus() == HttpStatus.NOT_FOUND.value() && isNoHandler(ex)) {
                problem.setDetail("The gateway has no route for " + exchange.getRequest().getPath().value() + ".");
            }
            return problem;
        }
        log.error("Unexpected error handling {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The gateway failed to handle the request.");
    }

    private static boolean isNoHandler(Throwable ex) {
        return ex instanceof NoResourceFoundException
                || ex instanceof ResponseStatusException notFound && notFound.getReason() == null
                || ex instanceof ResponseStatusException noHandler
                        && "No matching handler".equals(noHandler.getReason());
    }

    /**
     * The services' shape of invalid input (their {@code problem} module): type {@code invalid-request}, every
     * invalid field in {@code errors} as {@code {field, message}}, sorted by field.
     */
    private static ProblemDetail invalidFields(WebExchangeBindException invalid) {
        List<InvalidField> errors = invalid.getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), String.valueOf(error.getDefaultMessage())))
                .sorted(Comparator.comparing(InvalidField::field)).toList();
        String detail = errors.stream().map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; ", "The request has invalid fields: ", "."));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(URI.create(ProblemResponses.TYPE_BASE + "invalid-request"));
        problem.setTitle("Invalid Request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private record InvalidField(String field, String message) {
    }
}
