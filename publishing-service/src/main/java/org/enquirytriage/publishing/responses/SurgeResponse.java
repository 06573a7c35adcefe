package org.enquirytriage.publishing.responses;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.enquirytriage.publishing.surges.SurgeSettings;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The response to one surge: its level, the departments its messages were routed to, its clock (acknowledge within
 * the level's minutes; a first public statement within the hour at the top levels), the escalations when the clock
 * ran out, and what supervisors did: acknowledge, assign a lead department, link a holding statement, close with a
 * summary. Every rule is here, without Spring; {@link SurgeResponses} loads, changes and saves it.
 */
@Document(SurgeResponse.COLLECTION)
public class SurgeResponse {

    public static final String COLLECTION = "surge_responses";

    /** Where a response stands. */
    public enum Status {
        OPEN, ACKNOWLEDGED, CLOSED
    }

    /** What ran out. */
    public enum Overdue {
        ACKNOWLEDGEMENT, STATEMENT
    }

    /** One escalation: which clock ran out, when it was due, when it was noticed. */
    public record Escalation(Overdue kind, Instant dueAt, Instant at) {
    }

    /** One step in the response's history. */
    public record Step(Instant at, String by, String action, String note) {
    }

    @Id
    private String id;
    @Version
    private Long version;
    private String level;
    private int rank;
    private String scope;
    private String key;
    private String label;
    private List<String> caseIds = new ArrayList<>();
    private List<String> departments = new ArrayList<>();
    private Instant firstAt;
    private Instant detectedAt;
    private Status status;
    private Instant acknowledgeDue;
    private Instant statementDue;
    private Instant acknowledgedAt;
    private String leadDepartment;
    private String statementQaId;
    private Instant closedAt;
    private String summary;
    private List<Escalation> escalations = new ArrayList<>();
    private List<Step> history = new ArrayList<>();
    private List<OutboxMessage> outbox = new ArrayList<>();

    SurgeResponse() {
    }

    /** A new response to a surge detected at {@code detectedAt}, its clock started then. */
    static SurgeResponse open(String surgeId, SurgeSettings.Level level, String scope, String key, String label,
            List<String> caseIds, List<String> departments, Instant firstAt, Instant detectedAt) {
        SurgeResponse response = new SurgeResponse();
        response.id = surgeId;
        response.scope = scope;
        response.key = key;
        response.label = label;
        response.firstAt = firstAt;
        response.detectedAt = detectedAt;
        response.status = Status.OPEN;
        response.caseIds = new ArrayList<>(caseIds);
        response.departments = new ArrayList<>(departments);
        response.setLevel(level, detectedAt);
        response.history.add(new Step(detectedAt, "system", "DETECTED", level.name()));
        return response;
    }

    /**
     * Takes a later detection of the same surge: its messages and departments join; a higher level raises the
     * response and shortens its clock (never lengthens it).
     *
     * @return whether the level rose
     */
    boolean raise(SurgeSettings.Level level, List<String> moreCaseIds, List<String> moreDepartments, Instant now) {
        Set<String> ids = new LinkedHashSet<>(caseIds);
        ids.addAll(moreCaseIds);
        caseIds = new ArrayList<>(ids);
        Set<String> all = new LinkedHashSet<>(departments);
        all.addAll(moreDepartments);
        departments = new ArrayList<>(all);
        if (level.rank() <= rank || status == Status.CLOSED) {
            return false;
        }
        setLevel(level, now);
        history.add(new Step(now, "system", "RAISED", level.name()));
        return true;
    }

    private void setLevel(SurgeSettings.Level level, Instant from) {
        this.level = level.name();
        this.rank = level.rank();
        acknowledgeDue = earlier(acknowledgeDue, from.plus(level.acknowledgeWithin()));
        if (level.statementWithin() != null) {
            statementDue = earlier(statementDue, from.plus(level.statementWithin()));
        }
    }

    private static Instant earlier(Instant current, Instant proposed) {
        return current == null || proposed.isBefore(current) ? proposed : current;
    }

    /**
     * A supervisor takes the surge on.
     *
     * @return how long it waited since it was detected
     */
    Duration acknowledge(String by, Instant now) {
        require(status == Status.OPEN, "acknowledge", "OPEN");
        status = Status.ACKNOWLEDGED;
        acknowledgedAt = now;
        history.add(new Step(now, by, "ACKNOWLEDGED", null));
        return Duration.between(detectedAt, now);
    }

    void assignLead(String department, String by, Instant now) {
        require(status != Status.CLOSED, "assign a lead department to", "OPEN or ACKNOWLEDGED");
        leadDepartment = department;
        history.add(new Step(now, by, "LEAD_ASSIGNED", department));
    }

    void linkStatement(String qaId, String by, Instant now) {
        require(status != Status.CLOSED, "link a statement to", "OPEN or ACKNOWLEDGED");
        statementQaId = qaId;
        history.add(new Step(now, by, "STATEMENT_LINKED", qaId));
    }

    void close(String summary, String by, Instant now) {
        require(status == Status.ACKNOWLEDGED, "close", "ACKNOWLEDGED");
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("A response is closed with a summary");
        }
        status = Status.CLOSED;
        closedAt = now;
        this.summary = summary.strip();
        history.add(new Step(now, by, "CLOSED", this.summary));
    }

    /**
     * Escalates each clock that ran out and was not escalated yet: acknowledgement while the response is open, the
     * statement while none is linked and the response is not closed.
     *
     * @return the new escalations
     */
    List<Escalation> escalate(Instant now) {
        List<Escalation> added = new ArrayList<>();
        if (status == Status.OPEN && !now.isBefore(acknowledgeDue) && !escalated(Overdue.ACKNOWLEDGEMENT)) {
            added.add(new Escalation(Overdue.ACKNOWLEDGEMENT, acknowledgeDue, now));
        }
        if (statementDue != null && statementQaId == null && status != Status.CLOSED && !now.isBefore(statementDue)
                && !escalated(Overdue.STATEMENT)) {
            added.add(new Escalation(Overdue.STATEMENT, statementDue, now));
        }
        escalations.addAll(added);
        added.forEach(escalation -> history.add(new Step(now, "system", "ESCALATED", escalation.kind().name())));
        return added;
    }

    private boolean escalated(Overdue kind) {
        return escalations.stream().anyMatch(escalation -> escalation.kind() == kind);
    }

    private void require(boolean allowed, String action, String allowedStates) {
        if (!allowed) {
            throw new ResponseConflictException("Cannot " + action + " a response that is " + status
                    + "; only one that is " + allowedStates + " can be");
        }
    }

    /** Minutes since the surge was detected, as of {@code now}. */
    public long elapsedMinutes(Instant now) {
        return Duration.between(detectedAt, closedAt != null ? closedAt : now).toMinutes();
    }

    List<OutboxMessage> outbox() { return outbox; }

    public String id() { return id; }
    public Long version() { return version; }
    public String level() { return level; }
    public int rank() { return rank; }
    public String scope() { return scope; }
    public String key() { return key; }
    public String label() { return label; }
    public List<String> caseIds() { return List.copyOf(caseIds); }
    public List<String> departments() { return List.copyOf(departments); }
    public Instant firstAt() { return firstAt; }
    public Instant detectedAt() { return detectedAt; }
    public Status status() { return status; }
    public Instant acknowledgeDue() { return acknowledgeDue; }
    public Instant statementDue() { return statementDue; }
    public Instant acknowledgedAt() { return acknowledgedAt; }
    public String leadDepartment() { return leadDepartment; }
    public String statementQaId() { return statementQaId; }
    public Instant closedAt() { return closedAt; }
    public String summary() { return summary; }
    public List<Escalation> escalations() { return List.copyOf(escalations); }
    public List<Step> history() { return List.copyOf(history); }
}
