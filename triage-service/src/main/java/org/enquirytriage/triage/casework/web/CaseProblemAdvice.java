package org.enquirytriage.triage.casework.web;

import org.enquirytriage.triage.casework.ActionForbiddenException;
import org.enquirytriage.triage.casework.CaseNotFoundException;
import org.enquirytriage.triage.casework.CaseRuleException;
import org.enquirytriage.triage.casework.ConcurrentChangeException;
import org.enquirytriage.triage.casework.IllegalTransitionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers the refusals of the case lifecycle as {@code application/problem+json}, as {@link CaseRefusal} says. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblemAdvice {

    @ExceptionHandler({ CaseNotFoundException.class, IllegalTransitionException.class,
            ConcurrentChangeException.class, CaseRuleException.class, ActionForbiddenException.class })
    ProblemDetail refused(RuntimeException e) {
        return CaseRefusal.of(e).orElseThrow(() -> e).problem(e);
    }
}
