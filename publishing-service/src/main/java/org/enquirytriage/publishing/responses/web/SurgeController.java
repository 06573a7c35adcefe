package org.enquirytriage.publishing.responses.web;

import java.time.Clock;
import java.util.List;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.publishing.qa.Editor;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaWorkflow;
import org.enquirytriage.publishing.responses.ResponseConflictException;
import org.enquirytriage.publishing.responses.ResponseNotFoundException;
import org.enquirytriage.publishing.responses.SurgeResponse;
import org.enquirytriage.publishing.responses.SurgeResponses;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The supervisors' surge page ({@code /surges}: a shell without data; its list is fetched with the supervisor's
 * token and rendered here, refreshed every 30 seconds) and the API of the surge responses ({@code /api/surges}).
 * Supervisors and administrators only, checked here.
 */
@Controller
class SurgeController {

    private final SurgeResponses responses;
    private final QaWorkflow workflow;
    private final Clock clock;

    SurgeController(SurgeResponses responses, QaWorkflow workflow, Clock clock) {
        this.responses = responses;
        this.workflow = workflow;
        this.clock = clock;
    }

    record LeadRequest(@NotBlank @Size(max = 100) String department) {
    }

    record StatementRequest(@NotBlank @Size(max = 60) String question, @NotBlank @Size(max = 200) String answer) {
    }

    record CloseRequest(@NotBlank @Size(max = 2000) String summary) {
    }

    @GetMapping("/surges")
    String page(@RequestParam(defaultValue = "zh") String lang, Model model) {
        model.addAttribute("lang", lang);
        return "surges/page";
    }

    @GetMapping("/surges/list")
    String list(@AuthenticationPrincipal StaffMember caller, Model model) {
        EditorAccess.requireSupervisor(caller);
        model.addAttribute("responses", responses.live());
        model.addAttribute("now", clock.instant());
        return "surges/page :: list";
    }

    @PostMapping("/surges/{id}/acknowledge")
    String acknowledgeFromPage(@AuthenticationPrincipal StaffMember caller, @PathVariable String id, Model model) {
        responses.acknowledge(id, EditorAccess.requireSupervisor(caller).id());
        return list(caller, model);
    }

    @GetMapping("/api/surges")
    @ResponseBody
    List<SurgeView> all(@AuthenticationPrincipal StaffMember caller) {
        EditorAccess.requireSupervisor(caller);
        return responses.live().stream().map(response -> SurgeView.of(response, clock.instant())).toList();
    }

    @GetMapping("/api/surges/{id}")
    @ResponseBody
    SurgeView one(@AuthenticationPrincipal StaffMember caller, @PathVariable String id) {
        EditorAccess.requireSupervisor(caller);
        return SurgeView.of(responses.find(id).orElseThrow(() -> new ResponseNotFoundException(id)), clock.instant());
    }

    @PostMapping("/api/surges/{id}/acknowledge")
    @ResponseBody
    SurgeView acknowledge(@AuthenticationPrincipal StaffMember caller, @PathVariable String id) {
        return SurgeView.of(responses.acknowledge(id, EditorAccess.requireSupervisor(caller).id()), clock.instant());
    }

    @PostMapping("/api/surges/{id}/lead")
    @ResponseBody
    SurgeView lead(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody LeadRequest request) {
        return SurgeView.of(responses.assignLead(id, request.department().strip(),
                EditorAccess.requireSupervisor(caller).id()), clock.instant());
    }

    /** Drafts the holding statement as an urgent Q&amp;A item (published as soon as editors approve it) and links it. */
    @PostMapping("/api/surges/{id}/statement")
    @ResponseBody
    SurgeView statement(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody StatementRequest request) {
        StaffMember supervisor = EditorAccess.requireSupervisor(caller);
        SurgeResponse response = responses.find(id).orElseThrow(() -> new ResponseNotFoundException(id));
        QaItem item = workflow.create("statement-" + id, request.question().strip(), request.answer().strip(), null,
                "情况通报", true, null, response.caseIds(), response.caseIds().size(), Editor.of(supervisor));
        return SurgeView.of(responses.linkStatement(id, item.id(), supervisor.id()), clock.instant());
    }

    @PostMapping("/api/surges/{id}/close")
    @ResponseBody
    SurgeView close(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody CloseRequest request) {
        return SurgeView.of(responses.close(id, request.summary(), EditorAccess.requireSupervisor(caller).id()),
                clock.instant());
    }

    @ExceptionHandler(ResponseNotFoundException.class)
    @ResponseBody
    ProblemDetail notFound(ResponseNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Surge response not found");
        return problem;
    }

    @ExceptionHandler(ResponseConflictException.class)
    @ResponseBody
    ProblemDetail conflict(ResponseConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Step not allowed");
        return problem;
    }
}
