package org.enquirytriage.triage.casework.web;

import java.time.Clock;
import java.util.function.BiFunction;

import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.Actor;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseService;
import org.enquirytriage.triage.casework.web.ActionRequests.AnswerRequest;
import org.enquirytriage.triage.casework.web.ActionRequests.ExtensionRequestBody;
import org.enquirytriage.triage.casework.web.ActionRequests.MergeRequest;
import org.enquirytriage.triage.casework.web.ActionRequests.NoteRequest;
import org.enquirytriage.triage.casework.web.ActionRequests.ReasonRequest;
import org.enquirytriage.triage.casework.web.ActionRequests.ReclassifyRequest;
import org.enquirytriage.triage.casework.web.ActionRequests.RerouteRequest;
import org.enquirytriage.triage.casework.web.ActionRequests.SplitRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The actions of staff on a case. Each answers the case as it is afterwards with its new version as ETag; an action
 * the case's status does not allow, or a change someone made meanwhile (the version in {@code If-Match}, or a
 * concurrent save), is refused with 409, a rule such as the transfer window with 422, an action the caller's role
 * does not allow with 403, and another department's case with 404.
 */
@RestController
@RequestMapping("/api/cases/{id}")
@Tag(name = "Case actions", description = "The lifecycle of a case: accept, answer, transfer, re-route, extend, "
        + "resolve, close, reclassify, merge and split")
class CaseActionController {

    private final CaseService cases;
    private final Clock clock;

    CaseActionController(CaseService cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @PostMapping("/accept")
    @Operation(summary = "Accept the case: the department's first response")
    ResponseEntity<CaseView> accept(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return act(staff, ifMatch, (by, version) -> cases.accept(by, id, version));
    }

    @PostMapping("/answer")
    @Operation(summary = "Answer the citizen (of every enquiry of the case)")
    ResponseEntity<CaseView> answer(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody AnswerRequest body) {
        return act(staff, ifMatch,
                (by, version) -> cases.answer(by, id, version, body.text(), body.publishAsQaCandidate()));
    }

    @PostMapping("/transfer")
    @Operation(summary = "Send a misrouted case back to the triage desk (退单), within the transfer window")
    ResponseEntity<CaseView> transfer(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReasonRequest body) {
        return act(staff, ifMatch, (by, version) -> cases.transfer(by, id, version, body.reason()));
    }

    @PostMapping("/reroute")
    @Operation(summary = "Give the case to another department (改派): the triage desk or a supervisor")
    ResponseEntity<CaseView> reroute(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody RerouteRequest body) {
        return act(staff, ifMatch, (by, version) -> cases.reroute(by, id, version, body.department(), body.reason()));
    }

    @PostMapping("/extension")
    @Operation(summary = "Ask a supervisor for more working days (延期)")
    ResponseEntity<CaseView> requestExtension(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ExtensionRequestBody body) {
        return act(staff, ifMatch, (by, version) -> cases.requestExtension(by, id, version,
                body.workingDays(), body.reason()));
    }

    @PostMapping("/extension/approve")
    @Operation(summary = "Approve the extension asked for (supervisors)")
    ResponseEntity<CaseView> approveExtension(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) NoteRequest body) {
        return act(staff, ifMatch, (by, version) -> cases.approveExtension(by, id, version, noteOf(body)));
    }

    @PostMapping("/extension/refuse")
    @Operation(summary = "Refuse the extension asked for (supervisors)")
    ResponseEntity<CaseView> refuseExtension(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReasonRequest body) {
        return act(staff, ifMatch, (by, version) -> cases.refuseExtension(by, id, version, body.reason()));
    }

    @PostMapping("/resolve")
    @Operation(summary = "Report the matter resolved")
    ResponseEntity<CaseView> resolve(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody(required = false) NoteRequest body) {
        return act(staff, ifMatch, (by, version) -> cases.resolve(by, id, version, noteOf(body)));
    }

    @PostMapping("/close")
    @Operation(summary = "Close a resolved case (supervisors; a satisfied rating closes it by itself)")
    ResponseEntity<CaseView> close(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReasonRequest body) {
        return act(staff, ifMatch, (by, version) -> cases.close(by, id, version, body.reason()));
    }

    @PostMapping("/reclassify")
    @Operation(summary = "Correct kind, topic or priority; kept as a training label (CaseReclassified)")
    ResponseEntity<CaseView> reclassify(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ReclassifyRequest body) {
        return act(staff, ifMatch, (by, version) -> cases.reclassify(by, id, version, body.kind(),
                body.topic(), body.priority(), body.reason()));
    }

    @PostMapping("/merge")
    @Operation(summary = "Merge this case into another (并单); answers the case that goes on")
    ResponseEntity<CaseView> merge(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody MergeRequest body) {
        return act(staff, ifMatch, (by, version) -> cases.merge(by, id, version, body.intoCaseId(), body.reason()));
    }

    @PostMapping("/split")
    @Operation(summary = "Split a wrongly merged enquiry off this case; answers the enquiry's own case")
    ResponseEntity<CaseView> split(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody SplitRequest body) {
        return act(staff, ifMatch, (by, version) -> cases.split(by, id, version, body.enquiryId(), body.reason()));
    }

    /**
     * Takes the action as the caller, expecting the case at the version of {@code If-Match} ({@code null}: any), and
     * answers the case as it is afterwards with its new version as ETag.
     */
    private ResponseEntity<CaseView> act(StaffMember staff, String ifMatch, BiFunction<Actor, Long, Case> action) {
        Case changed = action.apply(StaffActor.of(staff), Versions.expected(ifMatch));
        return Versions.response(changed, clock.instant());
    }

    private static String noteOf(NoteRequest body) {
        return body == null ? null : body.note();
    }
}
