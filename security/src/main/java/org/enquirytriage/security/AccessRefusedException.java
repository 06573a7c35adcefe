package org.enquirytriage.security;

import org.enquirytriage.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown by a controller or service when the caller is authenticated but may not do this (wrong role, another
 * department's case); answered 403 problem+json with the detail.
 */
public class AccessRefusedException extends ErrorResponseException {

    public AccessRefusedException(String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
