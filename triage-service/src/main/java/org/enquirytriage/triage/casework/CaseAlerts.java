package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.enquirytriage.events.SlaClock;
import org.enquirytriage.triage.sla.CaseClocks;
import org.enquirytriage.triage.sla.SlaAlert;
import org.enquirytriage.triage.sla.WatchedClocks;
import org.springframework.stereotype.Component;

/** The cases' clocks as the SLA watcher sees them: found by the queries of {@link Cases}, alerts raised on the case. */
@Component
class CaseAlerts implements WatchedClocks {

    private final Cases cases;

    CaseAlerts(Cases cases) {
        this.cases = cases;
    }

    @Override
    public List<String> due(SlaClock clock, SlaAlert.Kind kind, Instant now, int limit) {
        return switch (kind) {
            case WARNING -> cases.dueForWarning(clock, now, limit);
            case BREACH -> cases.dueForBreach(clock, now, limit);
            case ESCALATION -> cases.dueForEscalation(clock, now, limit);
        };
    }

    @Override
    public boolean raise(String caseId, Instant now, Function<CaseClocks, Optional<SlaAlert>> due) {
        Case c = cases.findById(caseId).orElse(null);
        if (c == null || !c.raise(due.apply(c.clocks()), now)) {
            return false;
        }
        cases.save(c);
        return true;
    }
}
