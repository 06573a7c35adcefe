package org.enquirytriage.triage.sla;

import java.time.Instant;

import org.enquirytriage.events.Classification;

/** Sets the time limits of a case from its classification. */
public interface SlaPolicy {

    Deadlines deadlines(Classification classification, Instant openedAt);
}
