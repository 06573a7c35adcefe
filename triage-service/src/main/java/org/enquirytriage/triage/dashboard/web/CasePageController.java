package org.enquirytriage.triage.dashboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.ActionForbiddenException;
import org.enquirytriage.triage.casework.Actor;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseNotFoundException;
import org.enquirytriage.triage.casework.CaseRuleException;
import org.enquirytriage.triage.casework.CaseService;
import org.enquirytriage.triage.casework.ConcurrentChangeException;
import org.enquirytriage.triage.casework.IllegalTransitionException;
import org.enquirytriage.triage.dashboard.AnswerSuggestions;
import org.enquirytriage.triage.dashboard.DashboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * One case: the citizen's text, the classification and why, the clocks, the history, and a form for every action
 * the case's status and the viewer's role allow. Every form carries the version the page showed; an action on a case
 * someone else changed meanwhile is refused and the page shows the case as it is now. A refusal is shown in the page
 * with its reason; a success goes back to the page (Post/Redirect/Get).
 */
@Controller
@RequestMapping("/dashboard/cases/{id}")
class CasePageController extends DashboardPages {

    static final int MAX_REASON = 2_000;
    static final int MAX_ANSWER = 20_000;
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

    @PostMapping("/accept")
    ModelAndView accept(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "accept", form, actor -> cases.accept(actor, id, version(form)));
    }

    @PostMapping("/answer")
    ModelAndView answer(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "answer", form, actor -> cases.answer(actor, id, version(form),
                text(form, "text", MAX_ANSWER), "on".equals(form.get("qaCandidate"))));
    }

    @PostMapping("/transfer")
    ModelAndView transfer(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "transfer", form,
                actor -> cases.transfer(actor, id, version(form), text(form, "reason", MAX_REASON)));
    }

    @PostMapping("/reroute")
    ModelAndView reroute(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "reroute", form, actor -> cases.reroute(actor, id, version(form),
                text(form, "department", 100), text(form, "reason", MAX_REASON)));
    }

    @PostMapping("/extension")
    ModelAndView requestExtension(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "extension", form, actor -> cases.requestExtension(actor, id, version(form),
                workingDays(form), text(form, "reason", MAX_REASON)));
    }

    @PostMapping("/extension/approve")
    ModelAndView approveExtension(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "approve", form, actor -> cases.approveExtension(actor, id, version(form),
                text(form, "note", MAX_REASON)));
    }

    @PostMapping("/extension/refuse")
    ModelAndView refuseExtension(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "refuse", form, actor -> cases.refuseExtension(actor, id, version(form),
                text(form, "reason", MAX_REASON)));
    }

    @PostMapping("/resolve")
    ModelAndView resolve(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "resolve", form,
                actor -> cases.resolve(actor, id, version(form), text(form, "note", MAX_REASON)));
    }

    @PostMapping("/close")
    ModelAndView close(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "close", form,
                actor -> cases.close(actor, id, version(form), text(form, "reason", MAX_REASON)));
    }

    @PostMapping("/reclassify")
    ModelAndView reclassify(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "reclassify", form, actor -> cases.reclassify(actor, id, version(form),
                choice(EnquiryKind.class, form.get("kind")), text(form, "topic", 100),
                choice(Priority.class, form.get("priority")), text(form, "reason", MAX_REASON)));
    }

    @PostMapping("/merge")
    ModelAndView merge(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "merge", form, actor -> cases.merge(actor, id, version(form),
                required(form, "intoCaseId"), text(form, "reason", MAX_REASON)));
    }

    @PostMapping("/split")
    ModelAndView split(@AuthenticationPrincipal StaffMember staff, @PathVariable String id,
            @RequestParam Map<String, String> form) {
        return act(staff, id, "split", form, actor -> cases.split(actor, id, version(form),
                required(form, "enquiryId"), text(form, "reason", MAX_REASON)));
    }

    /**
     * Takes an action and goes to the page of the case it leaves (the case merged into, the case split off); or shows
     * this case as it is now with the reason the action was refused.
     */
    private ModelAndView act(StaffMember staff, String id, String action, Map<String, String> form,
            Function<Actor, Case> step) {
        Viewer viewer = viewer(staff);
        Refusal refusal;
        try {
            Case after = step.apply(viewer.actor());
            String page = SUPERVISION.equals(form.get("returnTo")) && viewer.supervisor() ? "/dashboard/supervision"
                    : "/dashboard/cases/" + URLEncoder.encode(after.id(), StandardCharsets.UTF_8);
            RedirectView redirect = new RedirectView(page + "?done=" + action, true);
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            return new ModelAndView(redirect);
        }
        catch (ConcurrentChangeException e) {
            refusal = new Refusal(HttpStatus.CONFLICT, "error.stale", e.getMessage());
        }
        catch (IllegalTransitionException e) {
            refusal = new Refusal(HttpStatus.CONFLICT, "error.transition", e.getMessage());
        }
        catch (CaseRuleException e) {
            refusal = new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, "error.rule", e.getMessage());
        }
        catch (ActionForbiddenException e) {
            refusal = new Refusal(HttpStatus.FORBIDDEN, "error.forbidden", e.getMessage());
        }
        catch (InvalidInput e) {
            refusal = new Refusal(HttpStatus.BAD_REQUEST, "error.input", e.getMessage());
        }
        catch (CaseNotFoundException e) {
            // the page's own case not found: find throws again and the 404 page says so; otherwise it was a case or an
            // enquiry the form named (merge into, split off)
            cases.find(viewer.actor(), id);
            refusal = new Refusal(HttpStatus.NOT_FOUND, "error.otherNotFound", e.getMessage());
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

    private static int workingDays(Map<String, String> form) {
        String days = required(form, "workingDays");
        try {
            return Integer.parseInt(days);
        }
        catch (NumberFormatException e) {
            throw new InvalidInput("workingDays must be a whole number of working days (was " + days + ")");
        }
    }

    /** An optional text of at most {@code max} characters; blank is none. */
    private static String text(Map<String, String> form, String field, int max) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new InvalidInput(field + " has " + value.length() + " characters; at most " + max + " are taken");
        }
        return value.strip();
    }

    private static String required(Map<String, String> form, String field) {
        String value = text(form, field, 100);
        if (value == null) {
            throw new InvalidInput(field + " must be given");
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInput(value + " is not a " + type.getSimpleName());
        }
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
