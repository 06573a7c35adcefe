package org.enquirytriage.triage.sla;

import java.time.Instant;

import org.enquirytriage.events.Classification;
import org.enquirytriage.triage.TriageProperties;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the business calendar: the same limits for every case, counted in clock time from its opening.
 */
@Component
class ClockTimeSlaPolicy implements SlaPolicy {

    private final TriageProperties.Sla limits;

    ClockTimeSlaPolicy(TriageProperties properties) {
        this.limits = properties.sla();
    }

    @Override
    public Deadlines deadlines(Classification classification, Instant openedAt) {
        return new Deadlines(openedAt.plus(limits.firstResponse()), openedAt.plus(limits.resolution()));
    }
}
