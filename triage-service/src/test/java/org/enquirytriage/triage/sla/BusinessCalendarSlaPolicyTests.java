package org.enquirytriage.triage.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.junit.jupiter.api.Test;

class BusinessCalendarSlaPolicyTests {

    private final SlaPolicy policy = SlaFixtures.policy();

    @Test
    void shouldGiveEachKindItsWorkingDaysFromTheDesign() {
        Instant monday = shanghai("2026-03-09T10:00");

        assertThat(policy.deadlines(classified(EnquiryKind.POLICY_QUESTION, Priority.NORMAL), monday))
                .satisfies(d -> {
                    assertThat(d.firstResponseDue()).isEqualTo(shanghai("2026-03-10T10:00"));
                    assertThat(d.resolutionDue()).isEqualTo(shanghai("2026-03-12T10:00"));
                });
        assertThat(policy.deadlines(classified(EnquiryKind.HELP_REQUEST, Priority.HIGH), monday).resolutionDue())
                .isEqualTo(shanghai("2026-03-16T10:00"));
        CaseClocks report = policy.deadlines(classified(EnquiryKind.PROBLEM_REPORT, Priority.NORMAL), monday);
        assertThat(report.firstResponseDue()).isEqualTo(shanghai("2026-03-11T10:00"));
        assertThat(report.resolutionDue()).isEqualTo(shanghai("2026-03-26T10:00"));
        assertThat(report.resolution().workingTime()).isTrue();
    }

    @Test
    void shouldCountAnUrgentCaseOverAWeekendInClockTime() {
        Instant saturdayNight = shanghai("2026-03-07T22:00");

        CaseClocks urgent = policy.deadlines(classified(EnquiryKind.PROBLEM_REPORT, Priority.URGENT), saturdayNight);

        assertThat(urgent.firstResponseDue()).isEqualTo(shanghai("2026-03-07T22:30"));
        assertThat(urgent.resolutionDue()).isEqualTo(shanghai("2026-03-08T22:00"));
        assertThat(urgent.firstResponse().warnAt()).isEqualTo(shanghai("2026-03-07T22:22:30"));
        assertThat(urgent.resolution().workingTime()).isFalse();
    }

    @Test
    void shouldGiveACaseOpenedOnFridayEveningItsTimeFromMondayAndWarnAtThreeQuartersOfIt() {
        CaseClocks deadlines = policy.deadlines(classified(EnquiryKind.POLICY_QUESTION, Priority.NORMAL),
                shanghai("2026-03-06T19:30"));

        assertThat(deadlines.firstResponseDue()).isEqualTo(shanghai("2026-03-09T17:30"));
        assertThat(deadlines.firstResponse().warnAt()).isEqualTo(shanghai("2026-03-09T15:22:30"));
        assertThat(deadlines.resolutionDue()).isEqualTo(shanghai("2026-03-11T17:30"));
    }

    @Test
    void shouldPutTheWarningOfACaseOpenedBeforeNationalDayAfterTheHolidays() {
        CaseClocks deadlines = policy.deadlines(classified(EnquiryKind.POLICY_QUESTION, Priority.NORMAL),
                shanghai("2026-09-30T10:00"));

        assertThat(deadlines.resolutionDue()).isEqualTo(shanghai("2026-10-10T10:00"));
        // 75 % of 25.5 working hours is 19.125 h: 7.5 h on 30 September, 8.5 h on 8 October, 3.125 h on 9 October
        assertThat(deadlines.resolution().warnAt()).isEqualTo(shanghai("2026-10-09T12:07:30"));
    }

    @Test
    void shouldMoveTheResolutionOnByAnApprovedExtensionAndForgetAWarningWhoseTimeHasNotCome() {
        SlaTimer resolution = policy.deadlines(classified(EnquiryKind.POLICY_QUESTION, Priority.NORMAL),
                shanghai("2026-03-09T10:00")).resolution().warningRaised();

        SlaTimer extended = policy.extended(resolution, 5, shanghai("2026-03-12T09:00"));

        assertThat(extended.dueAt()).isEqualTo(shanghai("2026-03-19T10:00"));
        assertThat(extended.startedAt()).isEqualTo(resolution.startedAt());
        assertThat(extended.warned()).isFalse();
        assertThat(extended.warnAt()).isAfter(shanghai("2026-03-12T09:00"));
    }

    @Test
    void shouldCloseTheTransferWindowTwoWorkingDaysAfterRouting() {
        assertThat(policy.transferWindowEnds(shanghai("2026-09-29T14:00"))).isEqualTo(shanghai("2026-10-08T14:00"));
        assertThat(policy.escalateAgainAt(shanghai("2026-03-09T17:30"))).isEqualTo(shanghai("2026-03-10T17:30"));
        assertThat(policy.maxExtensionDays()).isEqualTo(10);
    }

    @Test
    void shouldReadTimeLimitsAsConfigurationWritesThem() {
        assertThat(TimeLimit.valueOf("13wd")).isEqualTo(TimeLimit.workingDays(13));
        assertThat(TimeLimit.valueOf("4wh")).isEqualTo(new TimeLimit(TimeLimit.Unit.WORKING_HOURS, 4));
        assertThat(TimeLimit.valueOf("30m")).isEqualTo(TimeLimit.clockTime(Duration.ofMinutes(30)));
        assertThat(TimeLimit.valueOf("PT24H")).isEqualTo(TimeLimit.clockTime(Duration.ofHours(24)));
        assertThatThrownBy(() -> TimeLimit.valueOf("three days")).hasMessageContaining("write working days as 3wd");
    }

    @Test
    void shouldRefusePoliciesThatLeaveAKindAndPriorityWithoutLimits() {
        SlaProperties defaults = SlaFixtures.defaults();
        List<SlaProperties.Policy> onlyQuestions = List.of(new SlaProperties.Policy(EnquiryKind.POLICY_QUESTION,
                null, TimeLimit.workingDays(1), TimeLimit.workingDays(3)));

        assertThatThrownBy(() -> new SlaProperties(defaults.calendar(), onlyQuestions, defaults.transferWindow(), 10,
                0.75, defaults.escalateAgainAfter(), defaults.watcher()))
                .hasMessageContaining("give no time limits for HELP_REQUEST URGENT");
    }

    @Test
    void shouldRefuseToStartWithoutACalendarFileForTheCurrentYear() {
        Clock in2031 = Clock.fixed(Instant.parse("2031-05-01T00:00:00Z"), SlaFixtures.SHANGHAI);

        assertThatThrownBy(() -> new SlaConfiguration().businessCalendar(SlaFixtures.defaults(), in2031))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No calendar file for 2031")
                .hasMessageContaining("require-current-year=false");
    }

    static Classification classified(EnquiryKind kind, Priority priority) {
        return new Classification(kind, "环境保护", priority, 0.9, "test", List.of());
    }
}
