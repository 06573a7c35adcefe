package org.enquirytriage.triage.metrics;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.triage.casework.CaseStatus;

/**
 * What a department's gauges show, counted from its cases the way {@code GET /api/supervision/backlog} and
 * {@code /rates} count them.
 *
 * @param open its open cases (every status a department's queue shows)
 * @param overdue those of them with a running clock past its deadline
 * @param escalated those of them escalated to the supervisors
 * @param opened the cases opened in the rates window, merged cases left out: the base of the response and the
 *     resolution rate
 * @param respondedInTime those of them accepted before their first-response deadline
 * @param resolved those of them resolved or closed
 * @param resolvedInTime those of them resolved before their resolution deadline
 * @param rated those of them the citizen rated: the base of the satisfaction rate
 * @param satisfied those rated satisfied or basically satisfied
 */
record CaseFigures(long open, long overdue, long escalated, long opened, long respondedInTime, long resolved,
        long resolvedInTime, long rated, long satisfied) {

    static final CaseFigures NONE = new CaseFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The share of the cases opened in the window that were accepted in time; {@code null} when none was opened. */
    Double responseRate() {
        return share(respondedInTime, opened);
    }

    /** The share of the cases opened in the window that are resolved; {@code null} when none was opened. */
    Double resolutionRate() {
        return share(resolved, opened);
    }

    /** The share of the cases opened in the window resolved in time; {@code null} when none was opened. */
    Double onTimeResolutionRate() {
        return share(resolvedInTime, opened);
    }

    /** The share of the rated cases rated satisfied or basically satisfied; {@code null} when none was rated. */
    Double satisfactionRate() {
        return share(satisfied, rated);
    }

    /**
     * The figures of every department: those given (with zeros when they have no case) and those any case is with.
     *
     * @param rates the window of the three rates: the cases opened from its start (inclusive) to its end
     */
    static Map<String, CaseFigures> count(Collection<String> departments, Iterable<CaseRow> cases, Instant now,
            Window rates) {
        Map<String, CaseFigures> figures = new TreeMap<>();
        departments.forEach(department -> figures.put(department, NONE));
        for (CaseRow row : cases) {
            figures.merge(row.department(), of(row, now, rates), CaseFigures::plus);
        }
        return figures;
    }

    private static CaseFigures of(CaseRow row, Instant now, Window rates) {
        boolean open = row.status().open();
        boolean counted = row.status() != CaseStatus.MERGED && rates.contains(row.openedAt());
        return new CaseFigures(
                one(open),
                one(open && row.nextDue() != null && row.nextDue().isBefore(now)),
                one(open && row.escalationLevel() > 0),
                one(counted),
                one(counted && Boolean.TRUE.equals(row.firstResponseOnTime())),
                one(counted && (row.status() == CaseStatus.RESOLVED || row.status() == CaseStatus.CLOSED)),
                one(counted && Boolean.TRUE.equals(row.resolutionOnTime())),
                one(counted && row.satisfaction() != null),
                one(counted && (row.satisfaction() == Satisfaction.SATISFIED
                        || row.satisfaction() == Satisfaction.BASICALLY_SATISFIED)));
    }

    private CaseFigures plus(CaseFigures other) {
        return new CaseFigures(open + other.open, overdue + other.overdue, escalated + other.escalated,
                opened + other.opened, respondedInTime + other.respondedInTime, resolved + other.resolved,
                resolvedInTime + other.resolvedInTime, rated + other.rated, satisfied + other.satisfied);
    }

    private static long one(boolean condition) {
        return condition ? 1 : 0;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /**
     * What the figures need of one case.
     *
     * @param nextDue the nearest deadline of its running clocks, {@code null} when none runs
     * @param firstResponseOnTime whether its first-response clock stopped in time, {@code null} while it runs
     * @param resolutionOnTime whether its resolution clock stopped in time, {@code null} while it runs
     * @param satisfaction the citizen's latest rating, {@code null} before they rated
     */
    record CaseRow(String department, CaseStatus status, Instant openedAt, Instant nextDue, int escalationLevel,
            Boolean firstResponseOnTime, Boolean resolutionOnTime, Satisfaction satisfaction) {
    }

    /** A period of time, its start included and its end not. */
    record Window(Instant from, Instant to) {

        boolean contains(Instant instant) {
            return instant != null && !instant.isBefore(from) && instant.isBefore(to);
        }
    }
}
