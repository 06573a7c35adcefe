package org.enquirytriage.intake.enquiry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.events.Satisfaction;

/**
 * Where an enquiry stands, as the citizen and the channel see it, kept from the case events; no personal data.
 *
 * @param status where it stands
 * @param updatedAt when this last changed
 * @param caseId the case handling it: the enquiry's own, or the case it was merged into; {@code null} before triage
 * @param caseLinkedAt when the case was linked, so that an older link arriving late does not undo a newer one
 * @param department the department handling the case
 * @param resolutionDue when the case is due to be resolved
 * @param answer the department's answer, personal data masked, once there is one
 * @param answeredAt when it was answered
 * @param satisfaction the citizen's rating of the answer, once given
 * @param appliedEventIds the ids of the last case events applied, so that a redelivered one changes nothing
 * @param revision counts the changes, so that two concurrent changes cannot overwrite each other
 */
public record Progress(EnquiryStatus status, Instant updatedAt, String caseId, Instant caseLinkedAt, String department,
        Instant resolutionDue, String answer, Instant answeredAt, Rating satisfaction, List<String> appliedEventIds,
        Long revision) {

    /** How many applied event ids are remembered: more than one case can raise for an enquiry in any short while. */
    static final int REMEMBERED_EVENTS = 64;

    static Progress received(Instant at) {
        return new Progress(EnquiryStatus.RECEIVED, at, null, null, null, null, null, null, null, List.of(), 0L);
    }

    boolean hasApplied(String eventId) {
        return appliedEventIds != null && appliedEventIds.contains(eventId);
    }

    long currentRevision() {
        return revision == null ? 0 : revision;
    }

    /** The next state: the given one, marked as the result of the event. */
    Progress after(String eventId, Instant at, Progress changed) {
        List<String> applied = new ArrayList<>(appliedEventIds == null ? List.of() : appliedEventIds);
        applied.add(eventId);
        if (applied.size() > REMEMBERED_EVENTS) {
            applied = applied.subList(applied.size() - REMEMBERED_EVENTS, applied.size());
        }
        return new Progress(changed.status, at, changed.caseId, changed.caseLinkedAt, changed.department,
                changed.resolutionDue, changed.answer, changed.answeredAt, changed.satisfaction, List.copyOf(applied),
                currentRevision() + 1);
    }

    /** This state as changed at the given time: a new revision. */
    Progress changedAt(Instant at) {
        return new Progress(status, at, caseId, caseLinkedAt, department, resolutionDue, answer, answeredAt,
                satisfaction, appliedEventIds, currentRevision() + 1);
    }

    Progress withStatus(EnquiryStatus newStatus) {
        return new Progress(newStatus, updatedAt, caseId, caseLinkedAt, department, resolutionDue, answer, answeredAt,
                satisfaction, appliedEventIds, revision);
    }

    Progress withCase(String newCaseId, Instant linkedAt) {
        return new Progress(status, updatedAt, newCaseId, linkedAt, department, resolutionDue, answer, answeredAt,
                satisfaction, appliedEventIds, revision);
    }

    Progress withDepartment(String newDepartment) {
        return new Progress(status, updatedAt, caseId, caseLinkedAt, newDepartment == null ? department : newDepartment,
                resolutionDue, answer, answeredAt, satisfaction, appliedEventIds, revision);
    }

    Progress withResolutionDue(Instant due) {
        return new Progress(status, updatedAt, caseId, caseLinkedAt, department, due == null ? resolutionDue : due,
                answer, answeredAt, satisfaction, appliedEventIds, revision);
    }

    Progress withAnswer(String newAnswer, Instant at) {
        return new Progress(status, updatedAt, caseId, caseLinkedAt, department, resolutionDue, newAnswer, at,
                satisfaction, appliedEventIds, revision);
    }

    Progress withSatisfaction(Rating rating) {
        return new Progress(status, updatedAt, caseId, caseLinkedAt, department, resolutionDue, answer, answeredAt,
                rating, appliedEventIds, revision);
    }

    /** What a case that another enquiry was merged into says about where that enquiry stands now. */
    Progress followingCase(String survivingCaseId, Instant linkedAt, Progress survivor) {
        Progress linked = withCase(survivingCaseId, linkedAt);
        if (survivor == null) {
            return linked.withStatus(status == EnquiryStatus.RECEIVED ? EnquiryStatus.OPEN : status);
        }
        EnquiryStatus followed = survivor.status == EnquiryStatus.RECEIVED ? EnquiryStatus.OPEN : survivor.status;
        return linked.withStatus(answer == null && followed == EnquiryStatus.ANSWERED ? EnquiryStatus.OPEN : followed)
                .withDepartment(survivor.department).withResolutionDue(survivor.resolutionDue);
    }

    /**
     * The citizen's rating of an answer.
     *
     * @param rating how satisfied they are
     * @param comment what they said, normalised and masked, or {@code null}
     */
    public record Rating(Satisfaction rating, String comment, Instant ratedAt) {
    }
}
