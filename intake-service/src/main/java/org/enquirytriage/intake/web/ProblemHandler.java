package org.enquirytriage.intake.web;

import org.enquirytriage.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the one failure of intake's own that is not the caller's: the enquiry store out of reach. Bad input and
 * Spring MVC's errors are answered by the shared {@code problem} module's advice, after this one.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** The database cannot be reached: the enquiry was not stored and the channel should send it again later. */
    @ExceptionHandler(DataAccessResourceFailureException.class)
    ProblemDetail storeUnavailable(DataAccessResourceFailureException ex) {
        log.error("The enquiry store is not available: {}", ex.getClass().getName(), ex);
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                "The enquiry store is not available; send the request again later.");
    }
}
