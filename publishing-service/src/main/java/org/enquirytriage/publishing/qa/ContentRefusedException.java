package org.enquirytriage.publishing.qa;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A step refused for what the item holds or lacks (a missing or failed check, personal data, a text too long):
 * 422 problem+json listing every reason.
 */
public class ContentRefusedException extends ErrorResponseException {

    private final List<String> reasons;

    public ContentRefusedException(String title, List<String> reasons) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, problem(title, reasons), null);
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }

    private static ProblemDetail problem(String title, List<String> reasons) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                String.join("; ", reasons));
        problem.setTitle(title);
        problem.setProperty("reasons", reasons);
        return problem;
    }
}
