package org.enquirytriage.intake.enquiry;

import java.time.Instant;

import org.enquirytriage.events.Satisfaction;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a citizen holding the tracking token may see of an enquiry: no personal data.
 *
 * @param caseId the case handling it (another enquiry's case when it was merged), once triage has it
 * @param deadline when the case is due to be resolved
 * @param answer the department's answer, personal data masked, once there is one
 * @param satisfaction the citizen's rating, once given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatusView(String enquiryId, EnquiryStatus status, String channel, Instant receivedAt,
        Instant updatedAt, String caseId, String department, Instant deadline, String answer, Instant answeredAt,
        Satisfaction satisfaction) {

    static StatusView of(Enquiry enquiry) {
        Progress progress = enquiry.progress();
        return new StatusView(enquiry.id(), progress.status(), enquiry.channel(), enquiry.receivedAt(),
                progress.updatedAt(), progress.caseId(), progress.department(), progress.resolutionDue(),
                progress.answer(), progress.answeredAt(),
                progress.satisfaction() == null ? null : progress.satisfaction().rating());
    }
}
