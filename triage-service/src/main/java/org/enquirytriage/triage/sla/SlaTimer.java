package org.enquirytriage.triage.sla;

import java.time.Instant;

/**
 * One of a case's clocks (first response or resolution): when it started, when the watcher warns, when it runs out,
 * whether it stopped in time, and what the watcher has already raised on it, so that each warning, breach and
 * escalation is raised once.
 *
 * @param workingTime whether the clock counts working time (otherwise clock time)
 * @param stoppedAt when the clock stopped (the case was accepted or resolved), {@code null} while it runs
 * @param onTime whether it stopped before it ran out, {@code null} while it runs
 * @param escalationLevel 0 before a breach, 1 once breached, 2 once the breach persisted
 * @param escalateAgainAt when a persisting breach is escalated again, {@code null} before a breach or after the
 *     last level
 */
public record SlaTimer(Instant startedAt, Instant warnAt, Instant dueAt, boolean workingTime, Instant stoppedAt,
        Boolean onTime, boolean warned, boolean breached, int escalationLevel, Instant escalateAgainAt) {

    /** The highest escalation level. */
    public static final int MAX_ESCALATION_LEVEL = 2;

    static SlaTimer started(Instant startedAt, Instant warnAt, Instant dueAt, boolean workingTime) {
        return new SlaTimer(startedAt, warnAt, dueAt, workingTime, null, null, false, false, 0, null);
    }

    public boolean running() {
        return stoppedAt == null;
    }

    public SlaTimer stoppedAt(Instant at) {
        return running() ? new SlaTimer(startedAt, warnAt, dueAt, workingTime, at, !at.isAfter(dueAt), warned,
                breached, escalationLevel, escalateAgainAt) : this;
    }

    public SlaTimer warningRaised() {
        return new SlaTimer(startedAt, warnAt, dueAt, workingTime, stoppedAt, onTime, true, breached,
                escalationLevel, escalateAgainAt);
    }

    /** Breached and escalated to level 1, to be escalated again at an instant. */
    public SlaTimer breachRaised(Instant escalateAgain) {
        return new SlaTimer(startedAt, warnAt, dueAt, workingTime, stoppedAt, onTime, true, true, 1,
                escalateAgain);
    }

    /** Escalated to the next level; the last level is not escalated again. */
    public SlaTimer escalatedAgain(Instant escalateAgain) {
        int level = escalationLevel + 1;
        return new SlaTimer(startedAt, warnAt, dueAt, workingTime, stoppedAt, onTime, warned, breached, level,
                level >= MAX_ESCALATION_LEVEL ? null : escalateAgain);
    }
}
