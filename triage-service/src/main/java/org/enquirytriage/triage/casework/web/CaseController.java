package org.enquirytriage.triage.casework.web;

import org.enquirytriage.triage.casework.CaseStatus;
import org.enquirytriage.triage.casework.Cases;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Shows cases to staff. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    static final int MAX_PAGE_SIZE = 100;
    /** Far beyond any real list, and low enough that the number of cases to skip stays a valid MongoDB skip. */
    static final int MAX_PAGE = 100_000;

    private final Cases cases;

    CaseController(Cases cases) {
        this.cases = cases;
    }

    @GetMapping("/{id}")
    CaseView byId(@PathVariable String id) {
        return cases.findById(id).map(CaseView::of).orElseThrow(() -> notFound(id));
    }

    @GetMapping
    CasePage list(@RequestParam(required = false) String department,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return CasePage.of(cases.find(department, status, page, size));
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No case has the id " + id);
        problem.setTitle("Case not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
