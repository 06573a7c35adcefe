package org.enquirytriage.triage.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.enquirytriage.events.SlaClock;

/**
 * The clocks the {@link SlaWatcher} watches, as the cases that hold them let it: which have an alert due, and raising
 * one on its case (with the case's history and events, in one write).
 */
public interface WatchedClocks {

    /** The ids of at most {@code limit} cases whose clock has an alert of a kind due at an instant. */
    List<String> due(SlaClock clock, SlaAlert.Kind kind, Instant now, int limit);

    /**
     * Raises on a case the alert its clocks give, if one is still due, and saves the case with its events.
     *
     * @return whether an alert was raised
     * @throws org.springframework.dao.OptimisticLockingFailureException when the case changed meanwhile
     */
    boolean raise(String caseId, Instant now, Function<CaseClocks, Optional<SlaAlert>> due);
}
