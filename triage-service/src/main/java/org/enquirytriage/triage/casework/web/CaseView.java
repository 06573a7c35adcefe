package org.enquirytriage.triage.casework.web;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseStatus;
import org.enquirytriage.triage.casework.HistoryEntry;

/**
 * A case as staff see it: without the citizen's pseudonym and without the events waiting to be published.
 *
 * @param confidence the classifier's confidence in kind and topic, from 0 to 1
 * @param modelVersion the model or rules that classified the case
 * @param features the words that weighed most in the classification, strongest first
 */
public record CaseView(String id, List<String> enquiryIds, String channel, String subject, String text,
        EnquiryKind kind, String topic, Priority priority, double confidence, String modelVersion,
        List<String> features, String department, CaseStatus status, Instant openedAt, Instant firstResponseDue,
        Instant resolutionDue, List<HistoryEntry> history, Long version) {

    static CaseView of(Case c) {
        var classification = c.classification();
        return new CaseView(c.id(), c.enquiryIds(), c.channel(), c.subject(), c.text(), classification.kind(),
                classification.topic(), classification.priority(), classification.confidence(),
                classification.modelVersion(), classification.features(), c.department(), c.status(), c.openedAt(),
                c.firstResponseDue(), c.resolutionDue(), c.history(), c.version());
    }
}
