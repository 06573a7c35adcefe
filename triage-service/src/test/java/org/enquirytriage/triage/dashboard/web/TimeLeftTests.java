package org.enquirytriage.triage.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.enquirytriage.triage.dashboard.web.TimeLeft.Unit;
import org.enquirytriage.triage.dashboard.web.TimeLeft.Urgency;
import org.junit.jupiter.api.Test;

/** The time left as a queue tells it: one plain unit, and whether the deadline is near or passed. */
class TimeLeftTests {

    private static final Instant NOW = Instant.parse("2026-03-09T02:00:00Z");

    @Test
    void shouldTellMinutesBelowAnHourHoursBelowTwoDaysAndDaysBeyond() {
        assertThat(left(Duration.ofMinutes(25))).isEqualTo(new TimeLeft(Urgency.ON_TRACK, 25, Unit.MINUTES));
        assertThat(left(Duration.ofSeconds(20))).isEqualTo(new TimeLeft(Urgency.ON_TRACK, 1, Unit.MINUTES));
        assertThat(left(Duration.ofHours(3).plusMinutes(40))).isEqualTo(new TimeLeft(Urgency.ON_TRACK, 3, Unit.HOURS));
        assertThat(left(Duration.ofHours(47))).isEqualTo(new TimeLeft(Urgency.ON_TRACK, 47, Unit.HOURS));
        assertThat(left(Duration.ofDays(5).plusHours(23))).isEqualTo(new TimeLeft(Urgency.ON_TRACK, 5, Unit.DAYS));
    }

    @Test
    void shouldTellHowLongADeadlineHasPassed() {
        TimeLeft overdue = TimeLeft.until(NOW.minus(Duration.ofDays(2).plusHours(5)), null, NOW);

        assertThat(overdue).isEqualTo(new TimeLeft(Urgency.OVERDUE, 2, Unit.DAYS));
        assertThat(overdue.messageKey()).isEqualTo("time.overdue.DAYS");
    }

    @Test
    void shouldCallADeadlineNearOnceItsWarningTimeHasCome() {
        Instant due = NOW.plus(Duration.ofHours(3));

        assertThat(TimeLeft.until(due, NOW.minusSeconds(1), NOW).urgency()).isEqualTo(Urgency.DUE_SOON);
        assertThat(TimeLeft.until(due, NOW.plusSeconds(1), NOW).urgency()).isEqualTo(Urgency.ON_TRACK);
        assertThat(TimeLeft.until(due, NOW, NOW).messageKey()).isEqualTo("time.left.HOURS");
    }

    @Test
    void shouldSayNothingIsDueWithoutARunningClock() {
        assertThat(TimeLeft.until(null, null, NOW)).isEqualTo(TimeLeft.NONE);
        assertThat(TimeLeft.NONE.messageKey()).isEqualTo("time.none");
    }

    private static TimeLeft left(Duration until) {
        return TimeLeft.until(NOW.plus(until), null, NOW);
    }
}
