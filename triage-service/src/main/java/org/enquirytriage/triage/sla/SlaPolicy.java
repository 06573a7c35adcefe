package org.enquirytriage.triage.sla;

import java.time.Instant;

import org.enquirytriage.events.Classification;

/** Sets the time limits of a case from its classification, on the business calendar. */
public interface SlaPolicy {

    /** Both clocks of a case routed to a department at an instant. */
    CaseClocks deadlines(Classification classification, Instant routedAt);

    /** A fresh resolution clock, for a case reopened at an instant. */
    SlaTimer resolutionFrom(Classification classification, Instant from);

    /**
     * The resolution clock moved on by an approved extension, re-timed as {@link SlaTimer#retimed} says.
     */
    SlaTimer extended(SlaTimer resolution, int workingDays, Instant now);

    /** Until when a department may send back a case routed to it at an instant. */
    Instant transferWindowEnds(Instant routedAt);

    /** When a breach that is still there is escalated to the next level. */
    Instant escalateAgainAt(Instant since);

    /** The most working days one extension may add. */
    int maxExtensionDays();
}
