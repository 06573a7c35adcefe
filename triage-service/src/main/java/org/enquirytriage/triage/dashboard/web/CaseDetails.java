package org.enquirytriage.triage.dashboard.web;

import java.util.List;
import java.util.Set;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.triage.casework.CaseStatus;

/**
 * A case as its page shows it: the citizen's text as masked by intake (never the citizen's pseudonym), the
 * classification and why, the clocks, the history, and the actions the viewer may take now. Times are the
 * calendar's local time.
 *
 * @param confidence the classifier's confidence in per cent
 * @param features the words that weighed most in the classification, strongest first
 * @param actions the names of the {@link org.enquirytriage.triage.casework.CaseAction}s the status and the viewer's
 *     role allow
 * @param version the version the page's actions are based on
 */
record CaseDetails(String id, List<String> enquiryIds, String channel, String subject, String text,
        String regionCode, EnquiryKind kind, String topic, Priority priority, long confidence, String modelVersion,
        List<String> features, String department, CaseStatus status, String openedAt, String routedAt,
        TimeLeft timeLeft, Clock firstResponse, Clock resolution, int escalationLevel, Extension pendingExtension,
        List<AnswerView> answers, String mergedInto, List<MergedView> mergedEnquiries, Satisfaction satisfaction,
        List<Step> history, Set<String> actions, Long version) {

    /** Whether the viewer may take the action now. */
    public boolean may(String action) {
        return actions.contains(action);
    }

    /**
     * One of the two clocks.
     *
     * @param stoppedAt when it stopped, {@code null} while it runs
     * @param onTime whether it stopped in time, {@code null} while it runs
     * @param left the time left while it runs
     * @param workingTime whether it counts working time
     */
    record Clock(String due, String stoppedAt, Boolean onTime, TimeLeft left, boolean workingTime) {
    }

    /** An extension waiting for a supervisor. */
    record Extension(String at, String by, int workingDays, String reason) {
    }

    /** An answer given to the citizen. */
    record AnswerView(String at, String by, String text, boolean qaCandidate) {
    }

    /** An enquiry merged into the case. */
    record MergedView(String enquiryId, String channel, String subject, String mergedAt) {
    }

    /** One step of the history. */
    record Step(String at, String actor, String action, String detail, String reason) {
    }
}
