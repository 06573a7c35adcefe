package org.enquirytriage.triage.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.enquirytriage.events.SlaClock;
import org.junit.jupiter.api.Test;

class CaseClocksTests {

    private static final Instant START = Instant.parse("2026-03-09T02:00:00Z");

    private static SlaTimer timer(Duration warn, Duration due) {
        return SlaTimer.started(START, START.plus(warn), START.plus(due), false);
    }

    /** Warned after 3 hours, breached after 4, to be escalated again after 8. */
    private static SlaTimer breachedAfterFourHours() {
        return timer(Duration.ofHours(3), Duration.ofHours(4)).warningRaised()
                .breachRaised(START.plus(Duration.ofHours(8)));
    }

    @Test
    void shouldKeepABreachWhenTheNewDeadlineHasPassedToo() {
        SlaTimer breached = breachedAfterFourHours();
        Instant now = START.plus(Duration.ofHours(6));

        SlaTimer retimed = breached.retimed(timer(Duration.ofHours(4), Duration.ofHours(5)), now);

        assertThat(retimed.dueAt()).isEqualTo(START.plus(Duration.ofHours(5)));
        assertThat(retimed.warned()).isTrue();
        assertThat(retimed.breached()).isTrue();
        assertThat(retimed.escalationLevel()).isEqualTo(1);
        assertThat(retimed.escalateAgainAt()).isEqualTo(START.plus(Duration.ofHours(8)));
    }

    @Test
    void shouldForgetAWarningAndABreachWhoseNewThresholdsLieAhead() {
        SlaTimer breached = breachedAfterFourHours();
        Instant now = START.plus(Duration.ofHours(6));

        SlaTimer retimed = breached.retimed(timer(Duration.ofHours(7), Duration.ofHours(9)), now);

        assertThat(retimed.warned()).isFalse();
        assertThat(retimed.breached()).isFalse();
        assertThat(retimed.escalationLevel()).isZero();
        assertThat(retimed.escalateAgainAt()).isNull();
        assertThat(retimed.warningDueAt(now)).isFalse();
        assertThat(retimed.warningDueAt(START.plus(Duration.ofHours(7)))).isTrue();
    }

    @Test
    void shouldLeaveAStoppedClockAsItStopped() {
        SlaTimer stopped = timer(Duration.ofHours(3), Duration.ofHours(4)).stoppedAt(START.plus(Duration.ofHours(1)));

        assertThat(stopped.retimed(timer(Duration.ofHours(1), Duration.ofHours(2)), START.plus(Duration.ofHours(5))))
                .isEqualTo(stopped);
    }

    @Test
    void shouldGiveTheNearestDeadlineEscalationAndOverdueOfTheRunningClocksOnly() {
        CaseClocks clocks = new CaseClocks(timer(Duration.ofHours(1), Duration.ofHours(2)),
                timer(Duration.ofHours(5), Duration.ofHours(10)));
        CaseClocks breached = clocks.with(SlaClock.RESOLUTION, clocks.resolution().breachRaised(null));

        assertThat(breached.nextDue()).isEqualTo(START.plus(Duration.ofHours(2)));
        assertThat(breached.escalationLevel()).isEqualTo(1);

        CaseClocks responded = breached.with(SlaClock.FIRST_RESPONSE,
                breached.firstResponse().stoppedAt(START.plus(Duration.ofMinutes(30))));
        assertThat(responded.nextDue()).isEqualTo(START.plus(Duration.ofHours(10)));

        assertThat(responded.overdueAt(START.plus(Duration.ofHours(10)))).isFalse();
        assertThat(responded.overdueAt(START.plus(Duration.ofHours(10)).plusMillis(1))).isTrue();

        CaseClocks stopped = responded.stoppedAt(START.plus(Duration.ofHours(3)));
        assertThat(stopped.nextDue()).isNull();
        assertThat(stopped.overdueAt(START.plus(Duration.ofDays(30)))).isFalse();
        assertThat(stopped.escalationLevel()).isZero();
        assertThat(stopped.firstResponse().stoppedAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
    }
}
