package org.enquirytriage.triage.sla;

import java.time.Instant;

/**
 * The two clocks of a case as they start: the first response and the resolution.
 */
public record Deadlines(SlaTimer firstResponse, SlaTimer resolution) {

    public Instant firstResponseDue() {
        return firstResponse.dueAt();
    }

    public Instant resolutionDue() {
        return resolution.dueAt();
    }
}
