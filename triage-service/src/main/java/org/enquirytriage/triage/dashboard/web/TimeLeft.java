package org.enquirytriage.triage.dashboard.web;

import java.time.Duration;
import java.time.Instant;

/**
 * How much time a case has left until its nearest deadline, or how long it is overdue, in the one unit a reader takes
 * in at a glance: minutes below an hour, hours below two days, days beyond.
 *
 * @param urgency whether the deadline passed, is near or is still far
 * @param amount how many units (at least 1)
 * @param unit minutes, hours or days
 */
record TimeLeft(Urgency urgency, long amount, Unit unit) {

    private static final Duration TWO_DAYS = Duration.ofDays(2);

    /** No running clock: nothing is due. */
    static final TimeLeft NONE = new TimeLeft(Urgency.NONE, 0, Unit.MINUTES);

    /**
     * The time left until a deadline.
     *
     * @param warnAt when the deadline counts as near (the SLA warning), {@code null} when unknown
     */
    static TimeLeft until(Instant due, Instant warnAt, Instant now) {
        if (due == null) {
            return NONE;
        }
        boolean overdue = now.isAfter(due);
        Duration gap = overdue ? Duration.between(due, now) : Duration.between(now, due);
        Urgency urgency = overdue ? Urgency.OVERDUE
                : warnAt != null && !now.isBefore(warnAt) ? Urgency.DUE_SOON : Urgency.ON_TRACK;
        if (gap.compareTo(Duration.ofHours(1)) < 0) {
            return new TimeLeft(urgency, Math.max(1, gap.toMinutes()), Unit.MINUTES);
        }
        if (gap.compareTo(TWO_DAYS) < 0) {
            return new TimeLeft(urgency, gap.toHours(), Unit.HOURS);
        }
        return new TimeLeft(urgency, gap.toDays(), Unit.DAYS);
    }

    /** The message that says it, such as {@code time.left.HOURS} ("剩余 {0} 小时" / "{0} h left"). */
    public String messageKey() {
        return urgency == Urgency.NONE ? "time.none"
                : (urgency == Urgency.OVERDUE ? "time.overdue." : "time.left.") + unit.name();
    }

    /** How pressing a deadline is. */
    enum Urgency {
        /** The deadline has passed. */
        OVERDUE,
        /** Most of the time has gone (the SLA warning was reached). */
        DUE_SOON,
        /** There is time. */
        ON_TRACK,
        /** No clock runs. */
        NONE
    }

    /** The unit the time is told in. */
    enum Unit {
        MINUTES, HOURS, DAYS
    }
}
