package org.enquirytriage.triage.casework.web;

import java.time.Clock;
import java.util.Set;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.Actor;
import org.enquirytriage.triage.casework.CaseQuery;
import org.enquirytriage.triage.casework.CaseService;
import org.enquirytriage.triage.casework.CaseStatus;
import org.enquirytriage.triage.casework.Cases;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Shows cases to staff: a department's queue, the nearest deadline first, and one case with its history. Staff see
 * the cases of their own department only; another department's case is answered 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "A department's queue and one case with its history")
class CaseController {

    static final int MAX_PAGE_SIZE = 100;
    /** Far beyond any real list, and low enough that the number of cases to skip stays a valid MongoDB skip. */
    static final int MAX_PAGE = 100_000;

    private final CaseService caseService;
    private final Cases cases;
    private final Clock clock;

    CaseController(CaseService caseService, Cases cases, Clock clock) {
        this.caseService = caseService;
        this.cases = cases;
        this.clock = clock;
    }

    @GetMapping("/{id}")
    @Operation(summary = "A case with its history, by its id or the id of any of its enquiries",
            description = "An enquiry merged into a case (并单) finds the case it was merged into. The ETag is the "
                    + "version to send back in If-Match with an action.")
    ResponseEntity<CaseView> byId(@AuthenticationPrincipal StaffMember staff, @PathVariable String id) {
        return Versions.response(caseService.find(StaffActor.of(staff), id), clock.instant());
    }

    @GetMapping
    @Operation(summary = "A queue of cases, the nearest deadline first",
            description = "Staff see their own department's cases; supervisors and admins every department's, or "
                    + "one department's with the department parameter. Without status, the open cases.")
    CasePage queue(@AuthenticationPrincipal StaffMember staff,
            @Parameter(description = "Supervisors: only this department; staff: their own (another is refused)")
            @RequestParam(required = false) String department,
            @RequestParam(required = false) Set<CaseStatus> status,
            @RequestParam(required = false) EnquiryKind kind,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Priority priority,
            @Parameter(description = "true: only cases with a clock that ran out; false: only the others")
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        Actor actor = StaffActor.of(staff);
        Set<String> departments;
        if (actor.supervisor()) {
            departments = department == null ? null : Set.of(department);
        }
        else if (department == null || department.equals(actor.department())) {
            departments = Set.of(actor.department());
        }
        else {
            throw StaffActor.forbidden("Staff of " + actor.department() + " see the cases of " + actor.department()
                    + " only");
        }
        CaseQuery query = new CaseQuery(departments, status, kind, topic, channel, priority, overdue, null);
        return CasePage.of(cases.find(query, clock.instant(), page, size), clock.instant());
    }
}
