package org.enquirytriage.triage.casework;

import static org.enquirytriage.triage.casework.CaseHistory.describe;
import static org.enquirytriage.triage.casework.CaseHistory.dues;
import static org.enquirytriage.triage.casework.CaseOutbox.eventId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.enquirytriage.events.CaseAccepted;
import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.events.CaseAssigned;
import org.enquirytriage.events.CaseClosed;
import org.enquirytriage.events.CaseEvent;
import org.enquirytriage.events.CaseExtended;
import org.enquirytriage.events.CaseMerged;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.CaseReclassified;
import org.enquirytriage.events.CaseReopened;
import org.enquirytriage.events.CaseResolved;
import org.enquirytriage.events.CaseTransferred;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.events.SlaClock;
import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.enquirytriage.triage.sla.CaseClocks;
import org.enquirytriage.triage.sla.SlaAlert;
import org.enquirytriage.triage.sla.SlaPolicy;
import org.enquirytriage.triage.sla.SlaTimer;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Unwrapped;

/**
 * A citizen's matter as the government handles it: opened from an enquiry under the enquiry's id, classified,
 * routed to a department with its two clocks (first response and resolution), and taken through its life by the
 * actions of {@link CaseLifecycle}. Every step is written to its history and raises an event, which waits in the
 * case's outbox until the case is saved and the relay has sent it; the version catches concurrent changes. The parts
 * with rules of their own are values, stored flat in the case's document: {@link CaseEnquiries}, {@link CaseClocks},
 * {@link CaseExtension}, {@link CaseAnswers}, {@link CaseHistory} and {@link CaseOutbox}.
 */
@Document(Case.COLLECTION)
@CompoundIndex(name = "department_status_nextDue", def = "{'department': 1, 'status': 1, 'nextDue': 1}")
@CompoundIndex(name = "citizenKey_openedAt", def = "{'citizenKey': 1, 'openedAt': -1}")
@CompoundIndex(name = "regionCode_openedAt", def = "{'regionCode': 1, 'openedAt': -1}")
public class Case {

    static final String COLLECTION = "cases";

    @Id
    private String id;
    @Unwrapped.Nullable
    private CaseEnquiries enquiries;
    private String channel;
    private String subject;
    private String text;
    private String regionCode;
    private String citizenKey;
    private Classification classification;
    private String department;
    private CaseStatus status;
    private Instant openedAt;
    private Instant routedAt;
    @Unwrapped.Nullable
    private CaseClocks clocks;
    private Instant nextDue;
    private int escalationLevel;
    @Unwrapped.Empty
    private CaseExtension extension = CaseExtension.NONE;
    @Unwrapped.Empty
    private CaseAnswers answers = CaseAnswers.none();
    @Unwrapped.Empty
    private CaseHistory history = CaseHistory.empty();
    @Version
    private Long version;
    @Unwrapped.Empty
    private CaseOutbox outbox = new CaseOutbox();

    @PersistenceCreator
    Case() {
    }

    /**
     * Opens the case of an enquiry under the enquiry's id and routes it to a department at once.
     *
     * @param routingReason why the router chose the department, for the history
     */
    static Case open(EnquiryReceived enquiry, Classification classification, String department,
            String routingReason, CaseClocks deadlines, Instant now) {
        return open(enquiry.enquiryId(), enquiry.channel(), enquiry.subject(), enquiry.text(),
                enquiry.location() == null ? null : enquiry.location().regionCode(), enquiry.citizenKey(),
                classification, department, routingReason, deadlines, now, "Opened from enquiry " + enquiry.enquiryId());
    }

    /** Opens a case of its own for an enquiry split off the case it had been merged into. */
    static Case openSplit(MergedEnquiry enquiry, String splitFrom, Classification classification, String department,
            String routingReason, CaseClocks deadlines, Instant now) {
        return open(enquiry.enquiryId(), enquiry.channel(), enquiry.subject(), enquiry.text(), enquiry.regionCode(),
                enquiry.citizenKey(), classification, department, routingReason, deadlines, now,
                "Split off case " + splitFrom + " and opened as a case of its own");
    }

    private static Case open(String id, String channel, String subject, String text, String regionCode,
            String citizenKey, Classification classification, String department, String routingReason,
            CaseClocks deadlines, Instant now, String how) {
        Case opened = new Case();
        opened.id = id;
        opened.enquiries = CaseEnquiries.own(id);
        opened.channel = channel;
        opened.subject = subject;
        opened.text = text;
        opened.regionCode = regionCode;
        opened.citizenKey = citizenKey;
        opened.classification = classification;
        opened.status = CaseStatus.OPENED;
        opened.openedAt = now;
        opened.record(Actor.TRIAGE_SERVICE, "OPENED", how + "; classified as " + describe(classification), null, now);
        opened.assign(department, deadlines, now);
        opened.status = opened.require(CaseAction.ROUTE);
        opened.record(Actor.TRIAGE_SERVICE, "ROUTED", "Routed to " + department + dues(deadlines), routingReason,
                now);
        opened.raise(new CaseOpened(eventId(), now, id, id, channel, subject, text, regionCode, citizenKey,
                classification, department, deadlines.firstResponseDue(), deadlines.resolutionDue()));
        return opened;
    }

    /** The department takes the case on: its first response, which stops the first-response clock. */
    void accept(Actor by, Instant now) {
        CaseStatus next = require(CaseAction.ACCEPT);
        by.requireMayActFor(department, id);
        setClocks(clocks.with(SlaClock.FIRST_RESPONSE, clocks.firstResponse().stoppedAt(now)));
        moveTo(next, by, "ACCEPTED", "First response by " + department
                + (Boolean.TRUE.equals(clocks.firstResponse().onTime()) ? ", in time" : ", late"), null, now);
        raise(new CaseAccepted(eventId(), now, id, department, by.id()));
    }

    /**
     * The department answers the citizen of every enquiry of the case; an extension still asked for lapses.
     *
     * @param qaCandidate whether staff propose the question and answer for publishing as a Q&amp;A item
     */
    void answer(Actor by, String answer, boolean qaCandidate, Instant now) {
        CaseStatus next = require(CaseAction.ANSWER);
        by.requireMayActFor(department, id);
        requireText(answer, "an answer");
        String detail = "Answered" + (qaCandidate ? ", proposed as a Q&A candidate" : "");
        if (extension.request().isPresent()) {
            detail += "; the extension asked for lapses";
            extension = CaseExtension.NONE;
        }
        answers = answers.with(new Answer(now, by.id(), answer, qaCandidate));
        moveTo(next, by, "ANSWERED", detail, null, now);
        raise(new CaseAnswered(eventId(), now, id, id, channel, department, answer, qaCandidate, by.id()));
        for (MergedEnquiry merged : enquiries.mergedEnquiries()) {
            raise(new CaseAnswered(eventId(), now, id, merged.enquiryId(), merged.channel(), department, answer,
                    false, by.id()));
        }
    }

    /**
     * The department sends a misrouted case back to the triage desk (退单), within the transfer window after it
     * was routed there.
     */
    void transfer(Actor by, String reason, String triageDesk, SlaPolicy policy, Instant now) {
        CaseStatus next = require(CaseAction.TRANSFER);
        by.requireMayActFor(department, id);
        requireText(reason, "a reason for sending the case back");
        if (department.equals(triageDesk)) {
            throw new CaseRuleException("Case " + id + " is at the triage desk already: re-route it instead");
        }
        Instant windowEnds = policy.transferWindowEnds(routedAt);
        if (now.isAfter(windowEnds)) {
            throw new CaseRuleException("Case " + id + " can no longer be sent back: the transfer window ended at "
                    + windowEnds + " (routed at " + routedAt + ")");
        }
        String from = department;
        department = triageDesk;
        moveTo(next, by, "TRANSFERRED", "Sent back by " + from + " to " + triageDesk, reason, now);
        raise(new CaseTransferred(eventId(), now, id, from, triageDesk, reason, by.id()));
    }

    /**
     * The triage desk or a supervisor gives the case to another department (改派), where both clocks start again.
     */
    void reroute(Actor by, String toDepartment, String reason, String triageDesk, SlaPolicy policy, Instant now) {
        CaseStatus next = require(CaseAction.REROUTE);
        by.requireMayActFor(department, id);
        boolean desk = triageDesk.equals(by.department()) && triageDesk.equals(department);
        if (!by.supervisor() && !desk) {
            throw new ActionForbiddenException("Only a supervisor, or the triage desk for the cases at the desk, may "
                    + "re-route case " + id);
        }
        requireText(toDepartment, "the department to route the case to");
        if (toDepartment.equals(department) && status != CaseStatus.TRANSFERRED) {
            throw new CaseRuleException("Case " + id + " is with " + department + " already");
        }
        CaseClocks deadlines = policy.deadlines(classification, now);
        String from = department;
        assign(toDepartment, deadlines, now);
        moveTo(next, by, "REROUTED", "Re-routed from " + from + " to " + toDepartment + dues(deadlines), reason, now);
        raise(new CaseAssigned(eventId(), now, id, toDepartment, deadlines.firstResponseDue(),
                deadlines.resolutionDue(), by.id()));
    }

    /** The department asks a supervisor for more time to resolve the case (延期). */
    void requestExtension(Actor by, int workingDays, String reason, SlaPolicy policy, Instant now) {
        CaseStatus next = require(CaseAction.REQUEST_EXTENSION);
        by.requireMayActFor(department, id);
        requireText(reason, "a reason for the extension");
        extension = CaseExtension.requested(new ExtensionRequest(now, by.id(), workingDays, reason), status, policy);
        moveTo(next, by, "EXTENSION_REQUESTED", workingDays + " more working days asked for", reason, now);
    }

    /** A supervisor grants the extension asked for: the resolution deadline moves on by its working days. */
    void approveExtension(Actor by, String note, SlaPolicy policy, Instant now) {
        CaseStatus next = require(CaseAction.APPROVE_EXTENSION);
        by.requireSupervisor("approve an extension", id);
        ExtensionRequest request = extension.pendingExtension();
        setClocks(extension.granted(clocks, policy, now));
        extension = CaseExtension.NONE;
        moveTo(next, by, "EXTENSION_APPROVED", request.workingDays() + " working days added; resolution due "
                + clocks.resolutionDue(), note, now);
        raise(new CaseExtended(eventId(), now, id, department, request.workingDays(), clocks.resolutionDue(),
                request.reason(), by.id()));
    }

    /** A supervisor refuses the extension asked for; the deadline stays. */
    void refuseExtension(Actor by, String reason, Instant now) {
        CaseStatus next = require(CaseAction.REFUSE_EXTENSION);
        by.requireSupervisor("refuse an extension", id);
        requireText(reason, "a reason for refusing the extension");
        int days = extension.workingDays();
        extension = CaseExtension.NONE;
        moveTo(next, by, "EXTENSION_REFUSED", days + " more working days refused; resolution still due "
                + clocks.resolutionDue(), reason, now);
    }

    /** The department reports the matter resolved, which stops the resolution clock. */
    void resolve(Actor by, String note, Instant now) {
        CaseStatus next = require(CaseAction.RESOLVE);
        by.requireMayActFor(department, id);
        setClocks(clocks.with(SlaClock.RESOLUTION, clocks.resolution().stoppedAt(now)));
        moveTo(next, by, "RESOLVED", "Resolved" + (Boolean.TRUE.equals(clocks.resolution().onTime()) ? " in time"
                : " late"), note, now);
        raise(new CaseResolved(eventId(), now, id, department, by.id()));
    }

    /** The case is done: a supervisor closes it, or the citizen was satisfied with the resolved case. */
    void close(Actor by, String reason, Instant now) {
        CaseStatus next = require(CaseAction.CLOSE);
        if (!Actor.CITIZEN.equals(by)) {
            by.requireSupervisor("close a case", id);
        }
        requireText(reason, "a reason for closing the case");
        setClocks(clocks.stoppedAt(now));
        moveTo(next, by, "CLOSED", "Closed", reason, now);
        raise(new CaseClosed(eventId(), now, id, department, reason));
    }

    /** The case goes back to its department with a fresh resolution clock. */
    void reopen(Actor by, String reason, SlaPolicy policy, Instant now) {
        CaseStatus next = require(CaseAction.REOPEN);
        requireText(reason, "a reason for reopening the case");
        setClocks(clocks.with(SlaClock.RESOLUTION, policy.resolutionFrom(classification, now)));
        moveTo(next, by, "REOPENED", "Reopened; back with " + department + ", resolution due "
                + clocks.resolutionDue(), reason, now);
        raise(new CaseReopened(eventId(), now, id, department, reason));
    }

    /**
     * Records the citizen's rating, once per event: dissatisfaction reopens the case, satisfaction with a resolved
     * case closes it.
     *
     * @return whether the rating was new
     */
    boolean rate(Rating rating, SlaPolicy policy, Instant now) {
        if (answers.knows(rating)) {
            return false;
        }
        answers = answers.with(rating);
        record(Actor.CITIZEN, "RATED", "The citizen of enquiry " + rating.enquiryId() + " rated the answer "
                + rating.rating(), null, now);
        if (rating.rating() == Satisfaction.DISSATISFIED && CaseLifecycle.allows(status, CaseAction.REOPEN)) {
            reopen(Actor.CITIZEN, "The citizen was not satisfied with the answer", policy, now);
        }
        else if (rating.rating() != Satisfaction.DISSATISFIED && status == CaseStatus.RESOLVED) {
            close(Actor.CITIZEN, "Resolved, and the citizen was " + rating.rating().name().toLowerCase().replace('_', ' '),
                    now);
        }
        return true;
    }

    /**
     * Staff correct the classification; clocks still running are counted again under the new kind and priority
     * from when they started.
     */
    void reclassify(Actor by, Classification corrected, String reason, SlaPolicy policy, Instant now) {
        CaseStatus next = require(CaseAction.RECLASSIFY);
        by.requireMayActFor(department, id);
        requireText(reason, "a reason for the correction");
        Classification before = classification;
        classification = corrected;
        SlaTimer firstResponse = clocks.firstResponse();
        SlaTimer resolution = clocks.resolution();
        setClocks(new CaseClocks(
                firstResponse.retimed(policy.deadlines(corrected, firstResponse.startedAt()).firstResponse(), now),
                resolution.retimed(policy.resolutionFrom(corrected, resolution.startedAt()), now)));
        moveTo(next, by, "RECLASSIFIED", "Was " + describe(before) + "; now " + describe(corrected), reason, now);
        raise(new CaseReclassified(eventId(), now, id, corrected, department, by.id(), reason, subject, text));
    }

    /** Links another enquiry about the same matter to this case (并单) instead of opening a case for it. */
    void absorb(MergedEnquiry enquiry, Actor by, String reason, Instant now) {
        CaseStatus next = require(CaseAction.ABSORB);
        enquiries = enquiries.with(id, enquiry);
        moveTo(next, by, "MERGED_IN", "Enquiry " + enquiry.enquiryId() + " linked to this case", reason, now);
        raise(new CaseMerged(eventId(), now, id, enquiry.enquiryId(), by.id(), reason));
    }

    /**
     * Stops this case as merged into another (并单), to stay as a record that points to it; {@link CaseMerging}
     * checks the other case can take on the enquiries and hands them over.
     *
     * @return the enquiries the other case takes on: this case's own and those merged into it
     */
    List<MergedEnquiry> handOverTo(String targetId, Actor by, String reason, Instant now) {
        CaseStatus next = require(CaseAction.MERGE);
        requireText(reason, "a reason for the merge");
        List<MergedEnquiry> moving = new ArrayList<>();
        moving.add(new MergedEnquiry(id, channel, subject, text, regionCode, citizenKey, now));
        moving.addAll(enquiries.mergedEnquiries());
        enquiries = enquiries.handedOverTo(targetId);
        setClocks(clocks.stoppedAt(now));
        moveTo(next, by, "MERGED", "Merged into case " + targetId, reason, now);
        return moving;
    }

    /**
     * Takes a wrongly merged enquiry off this case; the enquiry then gets a case of its own.
     *
     * @return the enquiry taken off
     */
    MergedEnquiry split(Actor by, String enquiryId, String reason, Instant now) {
        CaseStatus next = require(CaseAction.SPLIT);
        by.requireMayActFor(department, id);
        requireText(reason, "a reason for the split");
        MergedEnquiry enquiry = enquiries.merged(id, enquiryId);
        enquiries = enquiries.without(enquiry);
        moveTo(next, by, "SPLIT", "Enquiry " + enquiryId + " split off into a case of its own", reason, now);
        return enquiry;
    }

    /**
     * A case that had been merged into another gets its own life back: classified and routed as new, with fresh
     * clocks.
     */
    void splitOff(String splitFrom, Actor by, Classification fresh, String toDepartment, String routingReason,
            SlaPolicy policy, String reason, Instant now) {
        CaseStatus next = require(CaseAction.SPLIT_OFF);
        CaseClocks deadlines = policy.deadlines(fresh, now);
        classification = fresh;
        enquiries = CaseEnquiries.own(id);
        assign(toDepartment, deadlines, now);
        record(by, "SPLIT_OFF", "Split off case " + splitFrom + "; classified as " + describe(fresh), reason, now);
        moveTo(next, by, "ROUTED", "Routed to " + toDepartment + dues(deadlines), routingReason, now);
        raise(new CaseReclassified(eventId(), now, id, fresh, toDepartment, by.id(), reason, subject, text));
        raise(new CaseAssigned(eventId(), now, id, toDepartment, deadlines.firstResponseDue(),
                deadlines.resolutionDue(), by.id()));
    }

    /**
     * Raises an alert of the SLA watcher on this case, with its history entries and events.
     *
     * @return whether it was raised: not when none is due (the clock stopped, its time has not come, or it was
     *     raised already)
     */
    boolean raise(Optional<SlaAlert> due, Instant now) {
        due.ifPresent(alert -> {
            setClocks(alert.clocks());
            alert.history().forEach(entry -> record(Actor.SLA_WATCHER, entry.action(), entry.detail(), entry.reason(),
                    now));
            alert.events(CaseOutbox::eventId, id, department, now).forEach(this::raise);
        });
        return due.isPresent();
    }

    /** Moves the events raised since the case was loaded into its outbox, to be written with it. */
    void moveRaisedEventsTo(Function<CaseEvent, OutboxMessage> encoder) {
        outbox.moveRaisedEventsTo(encoder);
    }

    /** The events raised since the case was loaded or last saved. */
    List<CaseEvent> raisedEvents() {
        return outbox.raised();
    }

    /**
     * The status an action takes the case to.
     *
     * @throws IllegalTransitionException when the case's status does not allow the action
     */
    CaseStatus require(CaseAction action) {
        return CaseLifecycle.next(id, status, action, extension.resumeStatus());
    }

    private void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new CaseRuleException("Case " + id + ": " + what + " must be given");
        }
    }

    private void assign(String toDepartment, CaseClocks deadlines, Instant now) {
        department = toDepartment;
        routedAt = now;
        setClocks(deadlines);
    }

    /** Sets the clocks with the nearest deadline and the highest escalation they give, stored for the queues. */
    private void setClocks(CaseClocks changed) {
        clocks = changed;
        nextDue = changed.nextDue();
        escalationLevel = changed.escalationLevel();
    }

    private void moveTo(CaseStatus next, Actor by, String action, String detail, String reason, Instant now) {
        status = next;
        record(by, action, detail, reason, now);
    }

    private void record(Actor by, String action, String detail, String reason, Instant now) {
        history = history.with(by, action, detail, reason, now);
    }

    private void raise(CaseEvent event) {
        outbox.raise(event);
    }

    public String id() {
        return id;
    }

    public CaseEnquiries enquiries() {
        return enquiries;
    }

    public List<String> enquiryIds() {
        return enquiries.enquiryIds();
    }

    public String channel() {
        return channel;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String regionCode() {
        return regionCode;
    }

    /** The pseudonym of the citizen, for the handling department only: never shown in a view of the case. */
    public String citizenKey() {
        return citizenKey;
    }

    public Classification classification() {
        return classification;
    }

    public String department() {
        return department;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant routedAt() {
        return routedAt;
    }

    public CaseClocks clocks() {
        return clocks;
    }

    public Optional<ExtensionRequest> pendingExtension() {
        return extension.request();
    }

    public List<Answer> answers() {
        return answers.answers();
    }

    public List<Rating> ratings() {
        return answers.ratings();
    }

    /** The latest rating, {@code null} before the citizen rated. */
    public Satisfaction satisfaction() {
        return answers.satisfaction();
    }

    public List<HistoryEntry> history() {
        return history.entries();
    }

    public Long version() {
        return version;
    }

    List<OutboxMessage> outbox() {
        return outbox.messages();
    }
}
