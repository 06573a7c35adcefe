package org.enquirytriage.triage.sla;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.enquirytriage.events.CaseEscalated;
import org.enquirytriage.events.CaseEvent;
import org.enquirytriage.events.SlaBreached;
import org.enquirytriage.events.SlaClock;
import org.enquirytriage.events.SlaWarning;

/**
 * An alert the SLA watcher raises on one of a case's clocks: the warning once most of its time has gone, the breach
 * with the escalation to the supervisors (level 1) once it ran out, or the next level when the breach persisted;
 * with the clocks as they are once it is raised, what the case's history says of it and the events it raises.
 *
 * @param timer the clock before the alert
 * @param clocks the case's clocks once the alert is raised
 * @param elapsedShare the share of the clock's time that had gone when a warning was due
 */
public record SlaAlert(SlaClock clock, Kind kind, SlaTimer timer, CaseClocks clocks, double elapsedShare) {

    /** The alerts of a clock, in the order they come. */
    public enum Kind {
        WARNING, BREACH, ESCALATION
    }

    /**
     * What the case's history says of the alert.
     *
     * @param action the step in the history, such as {@code SLA_WARNING}
     */
    public record Entry(String action, String detail, String reason) {
    }

    /** The history entries of the alert, in order. */
    public List<Entry> history() {
        String due = CaseClocks.name(clock) + " was due at " + timer.dueAt();
        return switch (kind) {
            case WARNING -> List.of(new Entry("SLA_WARNING", CaseClocks.name(clock) + " due at " + timer.dueAt() + ": "
                    + Math.round(elapsedShare * 100) + " % of the time has gone", null));
            case BREACH -> List.of(new Entry("SLA_BREACHED", due, null),
                    new Entry("ESCALATED", "Escalated to the supervisors (level 1)", null));
            case ESCALATION -> List.of(new Entry("ESCALATED", "Escalated to the supervisors (level " + level() + ")",
                    due + " and is still open"));
        };
    }

    /** The events of the alert on a case with a department, in order, each with a new event id. */
    public List<CaseEvent> events(Supplier<String> eventId, String caseId, String department, Instant now) {
        String due = CaseClocks.name(clock) + " was due at " + timer.dueAt();
        return switch (kind) {
            case WARNING -> List.of(new SlaWarning(eventId.get(), now, caseId, department, clock, timer.dueAt(),
                    elapsedShare));
            case BREACH -> List.of(new SlaBreached(eventId.get(), now, caseId, department, clock, timer.dueAt()),
                    new CaseEscalated(eventId.get(), now, caseId, department, 1, due));
            case ESCALATION -> List.of(new CaseEscalated(eventId.get(), now, caseId, department, level(),
                    due + " and is still open"));
        };
    }

    private int level() {
        return clocks.timer(clock).escalationLevel();
    }
}
