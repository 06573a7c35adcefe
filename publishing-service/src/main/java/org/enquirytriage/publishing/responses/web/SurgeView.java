package org.enquirytriage.publishing.responses.web;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.publishing.responses.SurgeResponse;

/** A surge response as the API shows it, with the minutes elapsed since its detection. */
record SurgeView(String id, String level, int rank, String scope, String label, String status, int messages,
        List<String> caseIds, List<String> departments, Instant firstAt, Instant detectedAt, long elapsedMinutes,
        Instant acknowledgeDue, Instant statementDue, Instant acknowledgedAt, String leadDepartment,
        String statementQaId, Instant closedAt, String summary, List<SurgeResponse.Escalation> escalations,
        List<SurgeResponse.Step> history) {

    static SurgeView of(SurgeResponse response, Instant now) {
        return new SurgeView(response.id(), response.level(), response.rank(), response.scope(), response.label(),
                response.status().name(), response.caseIds().size(), response.caseIds(), response.departments(),
                response.firstAt(), response.detectedAt(), response.elapsedMinutes(now), response.acknowledgeDue(),
                response.statementDue(), response.acknowledgedAt(), response.leadDepartment(),
                response.statementQaId(), response.closedAt(), response.summary(), response.escalations(),
                response.history());
    }
}
