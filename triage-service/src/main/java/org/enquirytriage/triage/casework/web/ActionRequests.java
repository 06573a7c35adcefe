package org.enquirytriage.triage.casework.web;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.springframework.web.bind.annotation.BindParam;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the actions on a case and their input limits: the API reads them from JSON, the dashboard binds
 * its forms to them, and both validate them alike. How many working days an extension may add is a rule of the case
 * ({@code triage.sla.max-extension-days}), not a limit of the input.
 */
public final class ActionRequests {

    static final int MAX_REASON = 2_000;
    static final int MAX_ANSWER = 20_000;
    static final int MAX_CODE = 100;

    private ActionRequests() {
    }

    /**
     * An answer to the citizen.
     *
     * @param publishAsQaCandidate whether to propose the question and answer for publishing as a Q&amp;A item (the
     *     dashboard's form field {@code qaCandidate}); absent means no, as an unticked check box sends nothing
     */
    public record AnswerRequest(@NotBlank @Size(max = MAX_ANSWER) String text,
            @BindParam("qaCandidate") Boolean publishAsQaCandidate) {

        public AnswerRequest {
            publishAsQaCandidate = Boolean.TRUE.equals(publishAsQaCandidate);
        }
    }

    /** Why a step is taken. */
    public record ReasonRequest(@NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** An optional note to a step. */
    public record NoteRequest(@Size(max = MAX_REASON) String note) {
    }

    /** The department a case is re-routed to, and why. */
    public record RerouteRequest(@NotBlank @Size(max = MAX_CODE) String department,
            @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** More working days asked for, and why. */
    public record ExtensionRequestBody(int workingDays, @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** A corrected classification; what is left out stays. */
    public record ReclassifyRequest(EnquiryKind kind, @Size(max = MAX_CODE) String topic, Priority priority,
            @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** The case to merge into, and why. */
    public record MergeRequest(@NotBlank @Size(max = MAX_CODE) String intoCaseId,
            @NotBlank @Size(max = MAX_REASON) String reason) {
    }

    /** The enquiry to split off, and why. */
    public record SplitRequest(@NotBlank @Size(max = MAX_CODE) String enquiryId,
            @NotBlank @Size(max = MAX_REASON) String reason) {
    }
}
