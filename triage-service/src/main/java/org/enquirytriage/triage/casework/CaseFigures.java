package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.enquirytriage.events.Satisfaction;

/**
 * The supervisors' figures of a department (or of several together): its backlog and the three rates (三率) with
 * the counts behind them. This is the one place that says which case counts as open, overdue, escalated, responded
 * to or resolved in time and satisfied; {@link CaseFiguresQuery} reads the cases for it, and the supervision API, the
 * dashboard and the gauges show what it counts.
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
public record CaseFigures(long open, long overdue, long escalated, long opened, long respondedInTime, long resolved,
        long resolvedInTime, long rated, long satisfied) {

    public static final CaseFigures NONE = new CaseFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The share of the cases opened in the window that were accepted in time; {@code null} when none was opened. */
    public Double responseRate() {
        return share(respondedInTime, opened);
    }

    /** The share of the cases opened in the window that are resolved; {@code null} when none was opened. */
    public Double resolutionRate() {
        return share(resolved, opened);
    }

    /** The share of the cases opened in the window resolved in time; {@code null} when none was opened. */
    public Double onTimeResolutionRate() {
        return share(resolvedInTime, opened);
    }

    /** The share of the rated cases rated satisfied or basically satisfied; {@code null} when none was rated. */
    public Double satisfactionRate() {
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

    /** The backlog part of the figures. */
    public Backlog backlog() {
        return new Backlog(open, overdue, escalated);
    }

    /** The counts behind the three rates. */
    public RateCounts rateCounts() {
        return new RateCounts(opened, respondedInTime, resolved, resolvedInTime, rated, satisfied);
    }

    CaseFigures plus(CaseFigures other) {
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

    /**
     * A department's backlog.
     *
     * @param open its open cases
     * @param overdue those of them with a clock that ran out
     * @param escalated those of them escalated to the supervisors
     */
    public record Backlog(long open, long overdue, long escalated) {
    }

    /**
     * The counts behind the three rates.
     *
     * @param cases the cases opened in the period, merged cases left out
     * @param respondedInTime those accepted before the first-response deadline
     * @param resolved those resolved (or closed after being resolved)
     * @param resolvedInTime those resolved before the resolution deadline
     * @param rated those the citizen rated
     * @param satisfied those rated satisfied or basically satisfied
     */
    public record RateCounts(long cases, long respondedInTime, long resolved, long resolvedInTime, long rated,
            long satisfied) {
    }

    /** A period of time, its start included and its end not. */
    public record Window(Instant from, Instant to) {

        public boolean contains(Instant instant) {
            return instant != null && !instant.isBefore(from) && instant.isBefore(to);
        }
    }
}
