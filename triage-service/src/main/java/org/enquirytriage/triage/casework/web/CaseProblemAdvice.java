package org.enquirytriage.triage.casework.web;

import org.enquirytriage.triage.casework.ActionForbiddenException;
import org.enquirytriage.triage.casework.CaseNotFoundException;
import org.enquirytriage.triage.casework.CaseRuleException;
import org.enquirytriage.triage.casework.ConcurrentChangeException;
import org.enquirytriage.triage.casework.IllegalTransitionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the refusals of the case lifecycle as {@code application/problem+json}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblemAdvice {

    @ExceptionHandler(CaseNotFoundException.class)
    ProblemDetail notFound(CaseNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Case not found", e.getMessage());
    }

    @ExceptionHandler(IllegalTransitionException.class)
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Action not allowed in this status", e.getMessage());
        problem.setProperty("currentStatus", e.status());
        problem.setProperty("action", e.action());
        return problem;
    }

    @ExceptionHandler(ConcurrentChangeException.class)
    ProblemDetail concurrentChange(ConcurrentChangeException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Case changed meanwhile", e.getMessage());
        if (e.currentVersion() != null) {
            problem.setProperty("currentVersion", e.currentVersion());
        }
        return problem;
    }

    @ExceptionHandler(CaseRuleException.class)
    ProblemDetail ruleBroken(CaseRuleException e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Action refused by a rule of the case", e.getMessage());
    }

    @ExceptionHandler(ActionForbiddenException.class)
    ProblemDetail forbidden(ActionForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
