package org.enquirytriage.triage.dashboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
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
import org.enquirytriage.triage.casework.web.CaseRefusal;
import org.enquirytriage.triage.dashboard.AnswerSuggestions;
import org.enquirytriage.triage.dashboard.DashboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.validation.Valid;

/**
 * One case: the citizen's text, the classification and why, the clocks, the history, and a form for every action
 * the case's status and the viewer's role allow. The forms bind to the API's request records with their limits, and a
 * refusal is answered as {@link CaseRefusal} says, shown in the page with its reason; every form carries the version
 * the page showed, so an action on a case someone else changed meanwhile is refused and the page shows the case as
 * it is now. A success goes back to the page (Post/Redirect/Get).
 */
@Controller
@RequestMapping("/dashboard/cases/{id}")
class CasePageController extends DashboardPages {

    static final String SUPERVISION = "supervision";
    /** The actions whose success a page announces ({@code ?done=answer}). */
    static final Set<String> DONE = Set.of("accept", "answer", "transfer", "reroute", "extension", "approve",
            "refuse", "resolve", "close", "reclassify", "merge", "split");

    private static final Logger log = LoggerFactory.getLogger(CasePageController.class);

    private final CaseService cases;
    private final AnswerSuggestions suggestions;

    CasePageController(CaseService cases, AnswerSuggestions suggestions, CaseViews views,
            DashboardProperties properties, Clock clock) {
        super(views, properties, clock);
        this.cases = cases;
        this.suggestions = suggestions;
    }

    @GetMapping
    String show(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam(required = false) String done, Model model) {
        Viewer viewer = viewer(staff);
        describe(cases.find(viewer.actor(), id), viewer, model.asMap());
        if (done != null && DONE.contains(done)) {
            model.addAttribute("done", done);
        }
        return "dashboard/case";
    }

    @GetMapping("/suggestions")
    String suggestions(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            Authentication authentication, Model model) {
        Case c = cases.find(viewer(staff).actor(), id);
        String question = c.subject() == null || c.subject().isBlank() ? c.text() : c.subject() + "\n" + c.text();
        String token = authentication != null && authentication.getCredentials() instanceof Jwt jwt
                ? jwt.getTokenValue() : null;
        model.addAttribute("suggestions", suggestions.forQuestion(question, token));
        return "dashboard/suggestions :: suggestions";
    }

    @InitBinder
    void blankIsNone(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @PostMapping("/accept")
    ModelAndView accept(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "accept", form, null, actor -> cases.accept(actor, id, version(form)));
    }

    @PostMapping("/answer")
    ModelAndView answer(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid AnswerRequest body, BindingResult input) {
        return act(staff, id, "answer", form, input, actor -> cases.answer(actor, id, version(form), body.text(),
                body.publishAsQaCandidate()));
    }

    @PostMapping("/transfer")
    ModelAndView transfer(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid ReasonRequest body, BindingResult input) {
        return act(staff, id, "transfer", form, input,
                actor -> cases.transfer(actor, id, version(form), body.reason()));
    }

    @PostMapping("/reroute")
    ModelAndView reroute(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid RerouteRequest body, BindingResult input) {
        return act(staff, id, "reroute", form, input, actor -> cases.reroute(actor, id, version(form),
                body.department(), body.reason()));
    }

    @PostMapping("/extension")
    ModelAndView requestExtension(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid ExtensionRequestBody body, BindingResult input) {
        return act(staff, id, "extension", form, input, actor -> cases.requestExtension(actor, id, version(form),
                body.workingDays(), body.reason()));
    }

    @PostMapping("/extension/approve")
    ModelAndView approveExtension(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid NoteRequest body, BindingResult input) {
        return act(staff, id, "approve", form, input,
                actor -> cases.approveExtension(actor, id, version(form), body.note()));
    }

    @PostMapping("/extension/refuse")
    ModelAndView refuseExtension(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid ReasonRequest body, BindingResult input) {
        return act(staff, id, "refuse", form, input,
                actor -> cases.refuseExtension(actor, id, version(form), body.reason()));
    }

    @PostMapping("/resolve")
    ModelAndView resolve(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid NoteRequest body, BindingResult input) {
        return act(staff, id, "resolve", form, input, actor -> cases.resolve(actor, id, version(form), body.note()));
    }

    @PostMapping("/close")
    ModelAndView close(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid ReasonRequest body, BindingResult input) {
        return act(staff, id, "close", form, input, actor -> cases.close(actor, id, version(form), body.reason()));
    }

    @PostMapping("/reclassify")
    ModelAndView reclassify(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid ReclassifyRequest body, BindingResult input) {
        return act(staff, id, "reclassify", form, input, actor -> cases.reclassify(actor, id, version(form),
                body.kind(), body.topic(), body.priority(), body.reason()));
    }

    @PostMapping("/merge")
    ModelAndView merge(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid MergeRequest body, BindingResult input) {
        return act(staff, id, "merge", form, input, actor -> cases.merge(actor, id, version(form),
                body.intoCaseId(), body.reason()));
    }

    @PostMapping("/split")
    ModelAndView split(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form, @Valid SplitRequest body, BindingResult input) {
        return act(staff, id, "split", form, input, actor -> cases.split(actor, id, version(form),
                body.enquiryId(), body.reason()));
    }

    /**
     * Takes an action and goes to the page of the case it leaves (the case merged into, the case split off); or shows
     * this case as it is now with the reason the action was refused.
     */
    private ModelAndView act(StaffMember staff, String id, String action, Map<String, String> form,
            BindingResult input, Function<Actor, Case> step) {
        Viewer viewer = viewer(staff);
        Refusal refusal;
        try {
            if (input != null && input.hasErrors()) {
                throw new InvalidInput(input.getFieldErrors().stream().map(CasePageController::describe)
                        .collect(Collectors.joining("; ")));
            }
            Case after = step.apply(viewer.actor());
            String page = SUPERVISION.equals(form.get("returnTo")) && viewer.supervisor() ? "/dashboard/supervision"
                    : "/dashboard/cases/" + URLEncoder.encode(after.id(), StandardCharsets.UTF_8);
            RedirectView redirect = new RedirectView(page + "?done=" + action, true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        }
        catch (InvalidInput e) {
            refusal = new Refusal(HttpStatus.BAD_REQUEST, "error.input", e.getMessage());
        }
        catch (RuntimeException e) {
            CaseRefusal refused = CaseRefusal.of(e).orElseThrow(() -> e);
            if (refused == CaseRefusal.NOT_FOUND) {
                // the page's own case not found: find throws again and the 404 page says so; otherwise it was a case
                // or an enquiry the form named (merge into, split off)
                cases.find(viewer.actor(), id);
            }
            refusal = new Refusal(refused.status(), refused.messageKey(), e.getMessage());
        }
        log.debug("Dashboard action {} on case {} refused: {}", action, id, refusal.detail());
        ModelAndView page = new ModelAndView("dashboard/case", refusal.status());
        describe(cases.find(viewer.actor(), id), viewer, page.getModel());
        page.addObject("error", refusal);
        page.addObject("failedAction", action);
        page.addObject("form", form);
        return page;
    }

    private void describe(Case c, Viewer viewer, Map<String, Object> model) {
        model.put("case", views.details(c, viewer, clock.instant()));
        model.put("kinds", List.of(EnquiryKind.values()));
        model.put("priorities", List.of(Priority.values()));
        model.put("topics", views.topics());
    }

    private static Long version(Map<String, String> form) {
        String version = form.get("version");
        if (version == null || version.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(version.strip());
        }
        catch (NumberFormatException e) {
            throw new InvalidInput("version must be the number of the case's version (was " + version + ")");
        }
    }

    /** What is wrong with a form field, as the API's problem detail would say it. */
    private static String describe(FieldError error) {
        if (error.contains(TypeMismatchException.class)) {
            Class<?> type = error.unwrap(TypeMismatchException.class).getRequiredType();
            String expected = type != null && type.isEnum() ? "one of " + List.of(type.getEnumConstants())
                    : type == int.class || type == Integer.class ? "a whole number" : "another value";
            return error.getField() + " must be " + expected + " (was " + error.getRejectedValue() + ")";
        }
        return error.getField() + " " + error.getDefaultMessage();
    }

    /**
     * Why an action was refused.
     *
     * @param messageKey what the page says, in its language
     * @param detail the service's reason (the problem detail the API would answer)
     */
    record Refusal(HttpStatus status, String messageKey, String detail) {
    }

    /** A form field the page sent is not what the action takes. */
    static final class InvalidInput extends RuntimeException {

        InvalidInput(String message) {
            super(message, null, false, false);
        }
    }
}
