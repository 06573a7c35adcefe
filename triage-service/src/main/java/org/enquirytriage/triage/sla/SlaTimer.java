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

    /**
     * This clock re-timed to the thresholds of another with the same start (an extension, a corrected
     * classification): a warning or breach already raised counts again only where the new threshold has passed as
     * well, and a stopped clock stays as it stopped.
     */
    public SlaTimer retimed(SlaTimer fresh, Instant now) {
        if (!running()) {
            return this;
        }
        boolean stillBreached = breached && !now.isBefore(fresh.dueAt());
        return new SlaTimer(fresh.startedAt(), fresh.warnAt(), fresh.dueAt(), fresh.workingTime(), null, null,
                warned && !now.isBefore(fresh.warnAt()), stillBreached, stillBreached ? escalationLevel : 0,
                stillBreached ? escalateAgainAt : null);
    }

    /** Whether the warning is due at an instant: the clock runs, has reached its warning and has not warned. */
    public boolean warningDueAt(Instant now) {
        return running() && !warned && !now.isBefore(warnAt);
    }

    /** Whether the breach is due at an instant: the clock runs, has run out and its breach is not raised. */
    public boolean breachDueAt(Instant now) {
        return running() && !breached && !now.isBefore(dueAt);
    }

    /** Whether a breach that persisted is due to be escalated again at an instant. */
    public boolean escalationDueAt(Instant now) {
        return running() && breached && escalateAgainAt != null && !now.isBefore(escalateAgainAt);
    }

    /** Escalated to the next level; the last level is not escalated again. */
    public SlaTimer escalatedAgain(Instant escalateAgain) {
        int level = escalationLevel + 1;
        return new SlaTimer(startedAt, warnAt, dueAt, workingTime, stoppedAt, onTime, warned, breached, level,
                level >= MAX_ESCALATION_LEVEL ? null : escalateAgain);
    }
}
