package org.enquirytriage.publishing.qa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.QaApproved;
import org.enquirytriage.events.QaDrafted;
import org.enquirytriage.events.QaPublished;
import org.enquirytriage.events.QaRetired;
import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.enquirytriage.personaldata.PersonalDataDetector;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A Q&amp;A item and its editorial workflow: draft → in review → approved → (scheduled →) published → retired, back
 * to draft from review with a note. Three checks (三审) are recorded in review; approval is refused while one is
 * missing or failed, while the text holds personal data or is too long. Every step that others must hear of returns
 * its event, which the caller adds to the {@code outbox} in the same save.
 */
@Document(QaItem.COLLECTION)
public class QaItem {

    public static final String COLLECTION = "qa_items";

    @Id
    private String id;
    @Version
    private Long version;
    private QaStatus status;
    private String question;
    private String answer;
    private String topic;
    private String series;
    private boolean urgent;
    private String groupId;
    private List<String> sourceCaseIds = new ArrayList<>();
    private String sourceAnswer;
    private boolean sourceAnswerProposed;
    private int demand;
    private List<ReviewCheck> checks = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    private String approvedBy;
    private Instant approvedAt;
    private LocalDate scheduledFor;
    private String postId;
    private Instant publishedAt;
    private Instant retiredAt;
    private String retiredReason;
    private List<OutboxMessage> outbox = new ArrayList<>();

    QaItem() {
    }

    /** A new draft, from a hot group or written by an editor; its {@link QaDrafted} is in {@link #drafted()}. */
    static QaItem draft(String id, String question, String answer, String topic, String series, boolean urgent,
            String groupId, List<String> sourceCaseIds, int demand, Editor by, Instant now) {
        QaItem item = new QaItem();
        item.id = id == null ? UUID.randomUUID().toString() : id;
        item.status = QaStatus.DRAFT;
        item.question = question;
        item.answer = answer;
        item.topic = topic;
        item.series = series;
        item.urgent = urgent;
        item.groupId = groupId;
        item.sourceCaseIds = new ArrayList<>(sourceCaseIds);
        item.demand = demand;
        item.createdAt = now;
        item.updatedAt = now;
        item.history.add(new HistoryEntry(now, by.id(), null, QaStatus.DRAFT, groupId == null ? null
                : "from group " + groupId));
        return item;
    }

    DomainEvent drafted() {
        return new QaDrafted(UUID.randomUUID().toString(), createdAt, id, question, answer, topic,
                List.copyOf(sourceCaseIds));
    }

    /** Changes the text and the labels of a draft. */
    void edit(String newQuestion, String newAnswer, String newTopic, String newSeries, boolean newUrgent,
            Instant now) {
        requireStatus("edit", QaStatus.DRAFT);
        question = newQuestion;
        answer = newAnswer;
        topic = newTopic;
        series = newSeries;
        urgent = newUrgent;
        updatedAt = now;
    }

    /** Sends a draft to review. */
    void submit(Editor by, Instant now) {
        requireStatus("submit for review", QaStatus.DRAFT);
        List<String> reasons = new ArrayList<>();
        if (isBlank(question)) {
            reasons.add("question: is empty");
        }
        if (isBlank(answer)) {
            reasons.add("answer: is empty; write the answer first");
        }
        if (!reasons.isEmpty()) {
            throw new ContentRefusedException("Cannot submit for review", reasons);
        }
        move(QaStatus.IN_REVIEW, by, now, null);
    }

    /** Sends an item under review back to its author, with a note of what to change; its checks start over. */
    void returnToDraft(String note, Editor by, Instant now) {
        requireStatus("return to draft", QaStatus.IN_REVIEW);
        if (isBlank(note)) {
            throw new ContentRefusedException("Cannot return to draft", List.of("note: say what is to change"));
        }
        checks.clear();
        move(QaStatus.DRAFT, by, now, note);
    }

    /** Records one of the three checks, replacing an earlier one of the same kind. */
    void check(CheckKind kind, boolean passed, String note, Editor by, Instant now) {
        requireStatus("record a check", QaStatus.IN_REVIEW);
        if (!passed && isBlank(note)) {
            throw new ContentRefusedException("Cannot record the check", List.of("note: say why the check failed"));
        }
        checks.removeIf(check -> check.kind() == kind);
        checks.add(new ReviewCheck(kind, passed, by.id(), by.name(), now, note));
        updatedAt = now;
    }

    /** What stands in the way of approving the item, in words; empty when it may be approved. */
    List<String> approvalProblems(PersonalDataDetector detector, int maxQuestionLength, int maxAnswerLength) {
        List<String> reasons = new ArrayList<>();
        Map<CheckKind, ReviewCheck> byKind = new EnumMap<>(CheckKind.class);
        checks.forEach(check -> byKind.put(check.kind(), check));
        for (CheckKind kind : CheckKind.values()) {
            ReviewCheck check = byKind.get(kind);
            if (check == null) {
                reasons.add("check " + kind + ": not recorded yet");
            }
            else if (!check.passed()) {
                reasons.add("check " + kind + ": failed (" + check.note() + ")");
            }
        }
        textProblems("question", question, maxQuestionLength, detector, reasons);
        textProblems("answer", answer, maxAnswerLength, detector, reasons);
        return reasons;
    }

    private static void textProblems(String field, String text, int maxLength, PersonalDataDetector detector,
            List<String> reasons) {
        if (isBlank(text)) {
            reasons.add(field + ": is empty");
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            reasons.add(field + ": " + length + " characters, more than the " + maxLength + " allowed");
        }
        for (PersonalDataDetector.Finding finding : detector.find(text)) {
            reasons.add(field + ": holds personal data (" + finding.kind() + " at characters " + finding.start()
                    + "–" + finding.end() + ")");
        }
    }

    /** Approves an item that passed its three checks and holds nothing that may not be published. */
    DomainEvent approve(PersonalDataDetector detector, int maxQuestionLength, int maxAnswerLength, Editor by,
            Instant now) {
        requireStatus("approve", QaStatus.IN_REVIEW);
        List<String> reasons = approvalProblems(detector, maxQuestionLength, maxAnswerLength);
        if (!reasons.isEmpty()) {
            throw new ContentRefusedException("Approval refused", reasons);
        }
        approvedBy = by.id();
        approvedAt = now;
        move(QaStatus.APPROVED, by, now, null);
        return new QaApproved(UUID.randomUUID().toString(), now, id, by.id());
    }

    /** Plans an approved item for the post of a day. */
    void schedule(LocalDate date, Editor by, Instant now) {
        requireStatus("schedule", QaStatus.APPROVED);
        scheduledFor = date;
        move(QaStatus.SCHEDULED, by, now, date.toString());
    }

    /** Takes a scheduled item back to the approved ones. */
    void unschedule(Editor by, Instant now) {
        requireStatus("unschedule", QaStatus.SCHEDULED);
        scheduledFor = null;
        move(QaStatus.APPROVED, by, now, null);
    }

    /** Publishes an approved or scheduled item in a post. */
    DomainEvent publish(String post, Editor by, Instant now) {
        requireStatus("publish", QaStatus.APPROVED, QaStatus.SCHEDULED);
        postId = post;
        publishedAt = now;
        move(QaStatus.PUBLISHED, by, now, post);
        return new QaPublished(UUID.randomUUID().toString(), now, id, post, series, question, answer, topic);
    }

    /** Withdraws a published item: it leaves the knowledge base. */
    DomainEvent retire(String reason, Editor by, Instant now) {
        requireStatus("retire", QaStatus.PUBLISHED);
        if (isBlank(reason)) {
            throw new ContentRefusedException("Cannot retire", List.of("reason: say why the item is withdrawn"));
        }
        retiredAt = now;
        retiredReason = reason;
        move(QaStatus.RETIRED, by, now, reason);
        return new QaRetired(UUID.randomUUID().toString(), now, id, reason);
    }

    /** Takes the official answer of a source case as the material for the answer, filling an empty answer. */
    boolean offerSourceAnswer(String official, boolean proposedByStaff, Instant now) {
        if (status != QaStatus.DRAFT || sourceAnswer != null && (sourceAnswerProposed || !proposedByStaff)) {
            return false;
        }
        sourceAnswer = official;
        sourceAnswerProposed = proposedByStaff;
        if (isBlank(answer)) {
            answer = official;
        }
        updatedAt = now;
        return true;
    }

    private void move(QaStatus to, Editor by, Instant now, String note) {
        history.add(new HistoryEntry(now, by.id(), status, to, note));
        status = to;
        updatedAt = now;
    }

    private void requireStatus(String step, QaStatus... allowed) {
        for (QaStatus each : allowed) {
            if (status == each) {
                return;
            }
        }
        throw new WorkflowConflictException("Not allowed in this state", "Cannot " + step + " an item that is "
                + status + "; only an item that is " + String.join(" or ",
                        Arrays.stream(allowed).map(Enum::name).toList()) + " can be");
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    public QaStatus status() {
        return status;
    }

    public String question() {
        return question;
    }

    public String answer() {
        return answer;
    }

    public String topic() {
        return topic;
    }

    public String series() {
        return series;
    }

    public boolean urgent() {
        return urgent;
    }

    public String groupId() {
        return groupId;
    }

    public List<String> sourceCaseIds() {
        return List.copyOf(sourceCaseIds);
    }

    public String sourceAnswer() {
        return sourceAnswer;
    }

    public int demand() {
        return demand;
    }

    public List<ReviewCheck> checks() {
        return List.copyOf(checks);
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public LocalDate scheduledFor() {
        return scheduledFor;
    }

    public String postId() {
        return postId;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant retiredAt() {
        return retiredAt;
    }

    public String retiredReason() {
        return retiredReason;
    }

    List<OutboxMessage> outbox() {
        return outbox;
    }
}
