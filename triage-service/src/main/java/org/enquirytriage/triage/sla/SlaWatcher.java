package org.enquirytriage.triage.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

import org.enquirytriage.events.SlaClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Watches the clocks of the cases: raises {@code SlaWarning} once most of a clock's time has gone,
 * {@code SlaBreached} and {@code CaseEscalated} (level 1) once it ran out, and {@code CaseEscalated} level 2 when the
 * breach persists. The first-response clock runs until the case is accepted, the resolution clock until it is
 * resolved. A cluster-wide lock lets one instance at a time run a round; each alert is also marked on the case in
 * the same write as its event, checked against the case's version, so that even two watchers racing raise it once.
 */
@Component
public class SlaWatcher {

    private static final Logger log = LoggerFactory.getLogger(SlaWatcher.class);

    private final WatchedClocks clocks;
    private final SlaPolicy policy;
    private final SlaProperties properties;
    private final Clock clock;

    public SlaWatcher(WatchedClocks clocks, SlaPolicy policy, SlaProperties properties, Clock clock) {
        this.clocks = clocks;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round on the schedule, under the cluster-wide lock {@code sla-watcher}. */
    @Scheduled(fixedDelayString = "${triage.sla.watcher.interval:PT1M}",
            initialDelayString = "${triage.sla.watcher.initial-delay:PT30S}")
    @SchedulerLock(name = "sla-watcher", lockAtMostFor = "${triage.sla.watcher.lock-at-most-for:PT5M}")
    public void watch() {
        Round round = check(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (round.alerts() > 0) {
            log.info("SLA watcher: {}", round);
        }
    }

    /** Raises what is due at an instant on every case. */
    public Round check(Instant now) {
        int batch = properties.watcher().batchSize();
        int[] raised = new int[SlaAlert.Kind.values().length];
        for (SlaClock slaClock : SlaClock.values()) {
            for (SlaAlert.Kind kind : SlaAlert.Kind.values()) {
                for (String id : clocks.due(slaClock, kind, now, batch)) {
                    raised[kind.ordinal()] += raise(id, now,
                            c -> c.due(slaClock, kind, policy, properties.warningShare(), now));
                }
            }
        }
        return new Round(raised[SlaAlert.Kind.WARNING.ordinal()], raised[SlaAlert.Kind.BREACH.ordinal()],
                raised[SlaAlert.Kind.ESCALATION.ordinal()]);
    }

    private int raise(String id, Instant now, Function<CaseClocks, Optional<SlaAlert>> due) {
        try {
            return clocks.raise(id, now, due) ? 1 : 0;
        }
        catch (OptimisticLockingFailureException changedMeanwhile) {
            log.debug("Case {} changed while the watcher looked at it; the next round looks again", id);
            return 0;
        }
    }

    /**
     * What one round raised.
     *
     * @param escalations the escalations to level 2 and beyond (level 1 comes with each breach)
     */
    public record Round(int warnings, int breaches, int escalations) {

        int alerts() {
            return warnings + breaches + escalations;
        }
    }
}
