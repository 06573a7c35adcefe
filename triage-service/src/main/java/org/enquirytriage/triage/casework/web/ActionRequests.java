package org.enquirytriage.triage.casework.web;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The bodies of the actions on a case. */
final class ActionRequests {

    static final int MAX_REASON = 2_000;
    static final int MAX_ANSWER = 20_000;

    private ActionRequests() {
    }

    /**
     * An answer to the citizen.
     *
     * @param publishAsQaCandidate whether to propose the question and answer for publishing as a Q&amp;A item
     */
    record AnswerRequest(@NotBlank @Size(max = MAX_ANSWER) String text, boolean publishAsQaCandidate) {
    }

    /** Why a step is taken. */
    record ReasonRequest(@NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** An optional note to a step. */
    record NoteRequest(@Size(max = MAX_REASON) String note) {
    }

    /** The department a case is re-routed to, and why. */
    record RerouteRequest(@NotBlank @Size(max = 100) String department, @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** More working days asked for, and why. */
    record ExtensionRequestBody(@Min(1) @Max(365) int workingDays, @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** A corrected classification; what is left out stays. */
    record ReclassifyRequest(EnquiryKind kind, @Size(max = 100) String topic, Priority priority,
            @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** The case to merge into, and why. */
    record MergeRequest(@NotBlank @Size(max = 100) String intoCaseId, @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** The enquiry to split off, and why. */
    record SplitRequest(@NotBlank @Size(max = 100) String enquiryId, @NotBlank @Size(max = MAX_REASON) String reason) {
    }
}
