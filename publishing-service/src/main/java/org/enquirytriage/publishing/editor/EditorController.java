package org.enquirytriage.publishing.editor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.mining.FrequentQuestions;
import org.enquirytriage.publishing.posts.Poster;
import org.enquirytriage.publishing.qa.CheckKind;
import org.enquirytriage.publishing.qa.ContentRefusedException;
import org.enquirytriage.publishing.qa.Editor;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaItems;
import org.enquirytriage.publishing.qa.QaStatus;
import org.enquirytriage.publishing.qa.QaWorkflow;
import org.enquirytriage.publishing.qa.ReviewCheck;
import org.enquirytriage.publishing.qa.WorkflowConflictException;
import org.enquirytriage.security.StaffMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The editor's page. The page itself is public and holds no data; its parts are fetched by htmx with the editor's
 * token and rendered here, and its forms run the same workflow as the API. A refused step is shown in the item's
 * panel with every reason.
 */
@Controller
@RequestMapping("/editor")
class EditorController {

    private static final List<QaStatus> OPEN = List.of(QaStatus.DRAFT, QaStatus.IN_REVIEW, QaStatus.APPROVED,
            QaStatus.SCHEDULED);

    private final FrequentQuestions frequentQuestions;
    private final QaItems items;
    private final QaWorkflow workflow;
    private final Poster poster;
    private final ZoneId zone;

    EditorController(FrequentQuestions frequentQuestions, QaItems items, QaWorkflow workflow, Poster poster,
            PublishingProperties properties) {
        this.frequentQuestions = frequentQuestions;
        this.items = items;
        this.workflow = workflow;
        this.poster = poster;
        this.zone = properties.posts().zone();
    }

    @GetMapping
    String page(Locale locale, Model model) {
        model.addAttribute("lang", locale.getLanguage());
        return "editor/page";
    }

    @GetMapping("/fragments/groups")
    String groups(@AuthenticationPrincipal StaffMember caller, Locale locale, Model model) {
        EditorAccess.require(caller);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("groups", frequentQuestions.groups(false, 20));
        return "editor/fragments :: groups";
    }

    @GetMapping("/fragments/items")
    String items(@AuthenticationPrincipal StaffMember caller, @RequestParam(required = false) QaStatus status,
            Locale locale, Model model) {
        EditorAccess.require(caller);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("items", items.list(status == null ? OPEN : List.of(status), 100));
        return "editor/fragments :: items";
    }

    @GetMapping("/fragments/items/{id}")
    String item(@AuthenticationPrincipal StaffMember caller, @PathVariable String id, Locale locale, Model model) {
        EditorAccess.require(caller);
        return item(workflow.get(id), null, locale, model);
    }

    @GetMapping("/fragments/schedule")
    String schedule(@AuthenticationPrincipal StaffMember caller, Locale locale, Model model) {
        EditorAccess.require(caller);
        var next = poster.nextDailyPost();
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("next", next);
        model.addAttribute("queue", poster.queue(next.toLocalDate()));
        model.addAttribute("posts", poster.recent(10));
        return "editor/fragments :: schedule";
    }

    /** One step of the workflow from the item's panel; answers the panel again, with the refusal if there was one. */
    @PostMapping("/items/{id}/{action}")
    String act(@AuthenticationPrincipal StaffMember caller, @PathVariable String id, @PathVariable String action,
            @RequestParam Long version, @RequestParam(required = false) String question,
            @RequestParam(required = false) String answer, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String series, @RequestParam(defaultValue = "false") boolean urgent,
            @RequestParam(required = false) String kind, @RequestParam(required = false) Boolean passed,
            @RequestParam(required = false) String note, @RequestParam(required = false) LocalDate date,
            Locale locale, Model model) {
        Editor editor = Editor.of(EditorAccess.require(caller));
        try {
            QaItem item = switch (action) {
                case "edit" -> workflow.edit(id, version, question, answer, blankToNull(topic), blankToNull(series),
                        urgent);
                case "submit" -> workflow.submit(id, version, editor);
                case "return" -> workflow.returnToDraft(id, version, note, editor);
                case "check" -> workflow.check(id, version, CheckKind.valueOf(kind), Boolean.TRUE.equals(passed),
                        note, editor);
                case "approve" -> workflow.approve(id, version, editor);
                case "schedule" -> workflow.schedule(id, version, date, editor);
                case "unschedule" -> workflow.unschedule(id, version, editor);
                case "retire" -> workflow.retire(id, version, note, editor);
                default -> throw new WorkflowConflictException("Unknown step", "No step " + action);
            };
            return item(item, null, locale, model);
        }
        catch (ContentRefusedException refused) {
            return item(workflow.get(id), refused.reasons(), locale, model);
        }
        catch (WorkflowConflictException conflict) {
            return item(workflow.get(id), List.of(conflict.getBody().getDetail()), locale, model);
        }
    }

    private String item(QaItem item, List<String> refusal, Locale locale, Model model) {
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("item", item);
        model.addAttribute("zone", zone);
        model.addAttribute("problems", workflow.approvalProblems(item));
        model.addAttribute("refusal", refusal);
        model.addAttribute("checkKinds", CheckKind.values());
        Map<CheckKind, ReviewCheck> checks = new EnumMap<>(CheckKind.class);
        item.checks().forEach(check -> checks.put(check.kind(), check));
        model.addAttribute("checks", checks);
        return "editor/fragments :: item";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
