package org.enquirytriage.triage.casework.web;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.triage.casework.Answer;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseLifecycle;
import org.enquirytriage.triage.casework.CaseAction;
import org.enquirytriage.triage.casework.CaseStatus;
import org.enquirytriage.triage.casework.ExtensionRequest;
import org.enquirytriage.triage.casework.HistoryEntry;
import org.enquirytriage.triage.sla.SlaTimer;

/**
 * A case as staff see it: without the citizen's pseudonym and without the events waiting to be published.
 *
 * @param confidence the classifier's confidence in kind and topic, from 0 to 1
 * @param modelVersion the model or rules that classified the case (or {@code staff:<id>} after a correction)
 * @param features the words that weighed most in the classification, strongest first
 * @param nextDue the nearest deadline of the clocks still running
 * @param overdue whether a running clock has run out
 * @param escalationLevel 0, or the level a breach was escalated to
 * @param allowedActions what the lifecycle allows in the case's status (the caller's role may allow less)
 * @param mergedInto the case this one was merged into, when it was
 * @param mergedEnquiries the enquiries merged into this case, without their citizens' pseudonyms
 * @param satisfaction the citizen's latest rating, {@code null} before a rating
 * @param version the version to send back in {@code If-Match}
 */
public record CaseView(String id, List<String> enquiryIds, String channel, String subject, String text,
        String regionCode, EnquiryKind kind, String topic, Priority priority, double confidence, String modelVersion,
        List<String> features, String department, CaseStatus status, List<CaseAction> allowedActions,
        Instant openedAt, Instant routedAt, Instant firstResponseDue, Instant resolutionDue, Instant nextDue,
        boolean overdue, int escalationLevel, Clock firstResponse, Clock resolution,
        ExtensionRequest pendingExtension, List<Answer> answers, String mergedInto,
        List<MergedEnquiryView> mergedEnquiries, Satisfaction satisfaction, List<HistoryEntry> history,
        Long version) {

    static CaseView of(Case c, Instant now) {
        var classification = c.classification();
        var clocks = c.clocks();
        return new CaseView(c.id(), c.enquiryIds(), c.channel(), c.subject(), c.text(), c.regionCode(),
                classification.kind(), classification.topic(), classification.priority(),
                classification.confidence(), classification.modelVersion(), classification.features(),
                c.department(), c.status(), CaseLifecycle.allowed(c.status()).stream().sorted().toList(),
                c.openedAt(), c.routedAt(), clocks.firstResponseDue(), clocks.resolutionDue(), clocks.nextDue(),
                clocks.overdueAt(now), clocks.escalationLevel(), Clock.of(clocks.firstResponse()),
                Clock.of(clocks.resolution()),
                c.pendingExtension().orElse(null), c.answers(), c.enquiries().mergedInto(),
                c.enquiries().mergedEnquiries().stream().map(merged -> new MergedEnquiryView(merged.enquiryId(),
                        merged.channel(), merged.subject(), merged.mergedAt())).toList(),
                c.satisfaction(), c.history(), c.version());
    }

    /**
     * One of the case's clocks.
     *
     * @param onTime whether it stopped before its deadline, {@code null} while it runs
     */
    public record Clock(Instant startedAt, Instant warnAt, Instant dueAt, boolean workingTime, Instant stoppedAt,
            Boolean onTime, boolean warned, boolean breached, int escalationLevel) {

        static Clock of(SlaTimer timer) {
            return new Clock(timer.startedAt(), timer.warnAt(), timer.dueAt(), timer.workingTime(),
                    timer.stoppedAt(), timer.onTime(), timer.warned(), timer.breached(), timer.escalationLevel());
        }
    }

    /** An enquiry merged into the case. */
    public record MergedEnquiryView(String enquiryId, String channel, String subject, Instant mergedAt) {
    }
}
