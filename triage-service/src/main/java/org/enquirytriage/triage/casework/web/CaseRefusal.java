package org.enquirytriage.triage.casework.web;

import java.util.Arrays;
import java.util.Optional;

import org.enquirytriage.triage.casework.ActionForbiddenException;
import org.enquirytriage.triage.casework.CaseNotFoundException;
import org.enquirytriage.triage.casework.CaseRuleException;
import org.enquirytriage.triage.casework.ConcurrentChangeException;
import org.enquirytriage.triage.casework.IllegalTransitionException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * How the refusals of the case lifecycle are answered, the one table for the API (as problem+json) and the
 * dashboard (in the page, with the message of {@link #messageKey()}).
 */
public enum CaseRefusal {

    NOT_FOUND(CaseNotFoundException.class, HttpStatus.NOT_FOUND, "Case not found", "error.otherNotFound"),
    CHANGED_MEANWHILE(ConcurrentChangeException.class, HttpStatus.CONFLICT, "Case changed meanwhile", "error.stale"),
    NOT_IN_THIS_STATUS(IllegalTransitionException.class, HttpStatus.CONFLICT, "Action not allowed in this status",
            "error.transition"),
    AGAINST_A_RULE(CaseRuleException.class, HttpStatus.UNPROCESSABLE_ENTITY, "Action refused by a rule of the case",
            "error.rule"),
    FORBIDDEN(ActionForbiddenException.class, HttpStatus.FORBIDDEN, "Forbidden", "error.forbidden");

    private final Class<? extends RuntimeException> exception;
    private final HttpStatus status;
    private final String title;
    private final String messageKey;

    CaseRefusal(Class<? extends RuntimeException> exception, HttpStatus status, String title, String messageKey) {
        this.exception = exception;
        this.status = status;
        this.title = title;
        this.messageKey = messageKey;
    }

    /** The refusal an exception of the lifecycle stands for; empty for any other. */
    public static Optional<CaseRefusal> of(Throwable e) {
        return Arrays.stream(values()).filter(refusal -> refusal.exception.isInstance(e)).findFirst();
    }

    public HttpStatus status() {
        return status;
    }

    /** What the dashboard says of the refusal, in the page's language. */
    public String messageKey() {
        return messageKey;
    }

    /** The refusal as problem+json, with the current status or version where the exception knows it. */
    public ProblemDetail problem(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        if (e instanceof IllegalTransitionException transition) {
            problem.setProperty("currentStatus", transition.status());
            problem.setProperty("action", transition.action());
        }
        if (e instanceof ConcurrentChangeException changed && changed.currentVersion() != null) {
            problem.setProperty("currentVersion", changed.currentVersion());
        }
        return problem;
    }
}
