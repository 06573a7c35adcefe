package org.enquirytriage.publishing.qa.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.publishing.qa.CheckKind;
import org.enquirytriage.publishing.qa.Editor;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaItems;
import org.enquirytriage.publishing.qa.QaStatus;
import org.enquirytriage.publishing.qa.QaWorkflow;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The editorial workflow of the Q&amp;A items, for editors and administrators. */
@RestController
@RequestMapping("/api/qa/items")
class QaController {

    private final QaWorkflow workflow;
    private final QaItems items;

    QaController(QaWorkflow workflow, QaItems items) {
        this.workflow = workflow;
        this.items = items;
    }

    @GetMapping
    List<QaView> list(@AuthenticationPrincipal StaffMember caller,
            @RequestParam(required = false) List<String> status,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        EditorAccess.require(caller);
        List<QaStatus> statuses = status == null ? List.of() : status.stream().map(QaController::status).toList();
        return items.list(statuses, limit).stream().map(this::view).toList();
    }

    @PostMapping
    ResponseEntity<QaView> create(@AuthenticationPrincipal StaffMember caller,
            @Valid @RequestBody QaRequests.Create request) {
        Editor editor = Editor.of(EditorAccess.require(caller));
        QaItem item = workflow.create(null, request.question(), request.answer(), request.topic(), request.series(),
                request.urgent(), null, List.of(), 0, editor);
        return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/api/qa/items/" + item.id())
                .body(view(item));
    }

    @GetMapping("/{id}")
    QaView one(@AuthenticationPrincipal StaffMember caller, @PathVariable String id) {
        EditorAccess.require(caller);
        return view(workflow.get(id));
    }

    @PutMapping("/{id}")
    QaView edit(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody QaRequests.Edit request) {
        EditorAccess.require(caller);
        return view(workflow.edit(id, request.version(), request.question(), request.answer(), request.topic(),
                request.series(), request.urgent()));
    }

    @PostMapping("/{id}/submit")
    QaView submit(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody QaRequests.Step request) {
        return asEditor(caller, editor -> workflow.submit(id, request.version(), editor));
    }

    @PostMapping("/{id}/return")
    QaView returnToDraft(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody QaRequests.WithNote request) {
        return asEditor(caller, editor -> workflow.returnToDraft(id, request.version(), request.note(), editor));
    }

    @PutMapping("/{id}/checks/{kind}")
    QaView check(@AuthenticationPrincipal StaffMember caller, @PathVariable String id, @PathVariable String kind,
            @Valid @RequestBody QaRequests.Check request) {
        return asEditor(caller, editor -> workflow.check(id, request.version(), checkKind(kind), request.passed(),
                request.note(), editor));
    }

    @PostMapping("/{id}/approve")
    QaView approve(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody QaRequests.Step request) {
        return asEditor(caller, editor -> workflow.approve(id, request.version(), editor));
    }

    @PostMapping("/{id}/schedule")
    QaView schedule(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody QaRequests.Schedule request) {
        return asEditor(caller, editor -> workflow.schedule(id, request.version(), request.date(), editor));
    }

    @PostMapping("/{id}/unschedule")
    QaView unschedule(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody QaRequests.Step request) {
        return asEditor(caller, editor -> workflow.unschedule(id, request.version(), editor));
    }

    @PostMapping("/{id}/retire")
    QaView retire(@AuthenticationPrincipal StaffMember caller, @PathVariable String id,
            @Valid @RequestBody QaRequests.WithNote request) {
        return asEditor(caller, editor -> workflow.retire(id, request.version(), request.note(), editor));
    }

    /**
     * Takes a step of the workflow as the caller, who must be an editor or an administrator (403 otherwise), and
     * answers the item as it is afterwards.
     */
    private QaView asEditor(StaffMember caller, Function<Editor, QaItem> step) {
        return view(step.apply(Editor.of(EditorAccess.require(caller))));
    }

    private QaView view(QaItem item) {
        return QaView.of(item, item.status() == QaStatus.IN_REVIEW || item.status() == QaStatus.DRAFT
                ? workflow.approvalProblems(item) : List.of());
    }

    /** A check kind as an enum name or in kebab case: {@code policy-accuracy}. */
    static CheckKind checkKind(String kind) {
        try {
            return CheckKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (IllegalArgumentException unknown) {
            throw badRequest("kind", kind, Arrays.toString(CheckKind.values()));
        }
    }

    private static QaStatus status(String status) {
        try {
            return QaStatus.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        catch (IllegalArgumentException unknown) {
            throw badRequest("status", status, Arrays.toString(QaStatus.values()));
        }
    }

    private static ErrorResponseException badRequest(String field, String value, String allowed) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                field + " '" + value + "' is none of " + allowed);
        problem.setTitle("Invalid request");
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
