package org.enquirytriage.triage.sla;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.enquirytriage.events.SlaClock;

/**
 * The two clocks of a case, first response and resolution: as they start, stop and raise their alerts, and the
 * nearest deadline and highest escalation of those still running, which the queues sort and filter by. Stored
 * unwrapped in the case, as its {@code firstResponse} and {@code resolution} fields.
 */
public record CaseClocks(SlaTimer firstResponse, SlaTimer resolution) {

    public Instant firstResponseDue() {
        return firstResponse.dueAt();
    }

    public Instant resolutionDue() {
        return resolution.dueAt();
    }

    /** One of the two clocks. */
    public SlaTimer timer(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? firstResponse : resolution;
    }

    /** These clocks with one of them replaced. */
    public CaseClocks with(SlaClock clock, SlaTimer timer) {
        return clock == SlaClock.FIRST_RESPONSE ? new CaseClocks(timer, resolution) : new CaseClocks(firstResponse,
                timer);
    }

    /** Both clocks stopped at an instant (those stopped already stay as they were). */
    public CaseClocks stoppedAt(Instant at) {
        return new CaseClocks(firstResponse.stoppedAt(at), resolution.stoppedAt(at));
    }

    /**
     * The alert of a kind due on a clock at an instant; empty when the clock stopped, its time has not come or the
     * alert was raised already.
     *
     * @param warningShare the share of a clock's time that has gone when it warns
     */
    public Optional<SlaAlert> due(SlaClock clock, SlaAlert.Kind kind, SlaPolicy policy, double warningShare,
            Instant now) {
        SlaTimer timer = timer(clock);
        if (timer == null) {
            return Optional.empty();
        }
        SlaTimer raised = switch (kind) {
            case WARNING -> timer.warningDueAt(now) ? timer.warningRaised() : null;
            case BREACH -> timer.breachDueAt(now) ? timer.breachRaised(policy.escalateAgainAt(timer.dueAt())) : null;
            case ESCALATION -> timer.escalationDueAt(now)
                    ? timer.escalatedAgain(policy.escalateAgainAt(timer.escalateAgainAt())) : null;
        };
        return Optional.ofNullable(raised).map(after -> new SlaAlert(clock, kind, timer, with(clock, after),
                warningShare));
    }

    /** The nearest deadline of the running clocks, {@code null} when none runs. */
    public Instant nextDue() {
        return running().map(SlaTimer::dueAt).min(Instant::compareTo).orElse(null);
    }

    /** Whether a running clock has run out at an instant. */
    public boolean overdueAt(Instant now) {
        Instant due = nextDue();
        return due != null && now.isAfter(due);
    }

    /** The highest escalation level of the running clocks, 0 when none is escalated. */
    public int escalationLevel() {
        return running().mapToInt(SlaTimer::escalationLevel).max().orElse(0);
    }

    private Stream<SlaTimer> running() {
        return Stream.of(firstResponse, resolution).filter(Objects::nonNull).filter(SlaTimer::running);
    }

    /** The name of a clock as the history writes it. */
    public static String name(SlaClock clock) {
        return clock == SlaClock.FIRST_RESPONSE ? "First response" : "Resolution";
    }
}
