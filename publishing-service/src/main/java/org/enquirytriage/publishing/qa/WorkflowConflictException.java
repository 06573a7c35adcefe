package org.enquirytriage.publishing.qa;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A step the item's state does not allow, or an edit based on an old version: 409 problem+json. */
public class WorkflowConflictException extends ErrorResponseException {

    public WorkflowConflictException(String title, String detail) {
        super(HttpStatus.CONFLICT, problem(title, detail), null);
    }

    private static ProblemDetail problem(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return problem;
    }
}
