package org.enquirytriage.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final BusinessCalendar calendar = BusinessCalendar.standard();

    @Test
    void shouldTreatHolidaysAsDaysOffAndMakeUpWeekendsAsWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).as("National Day, a Monday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-09-20"))).as("make-up Sunday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-11"))).as("an ordinary Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-12"))).as("an ordinary Monday").isTrue();
    }

    @Test
    void shouldCountADeadlineAcrossTheNationalDayWeekWithItsMakeUpSaturday() {
        // received Wednesday 30 September, 10:00; three working days: 30 Sep → (1–7 Oct off) → 8, 9, 10 Oct (Sat worked)
        Instant due = calendar.addWorkingDays(at("2026-09-30T10:00"), 3);

        assertThat(due).isEqualTo(at("2026-10-10T10:00"));
    }

    @Test
    void shouldCountADeadlineAcrossSpringFestival() {
        // Friday 13 February 15:00; Saturday 14 Feb is worked, 15–23 Feb are off, then 24 Feb
        Instant due = calendar.addWorkingDays(at("2026-02-13T15:00"), 2);

        assertThat(due).isEqualTo(at("2026-02-24T15:00"));
    }

    @Test
    void shouldStartTheClockOfAnEnquiryReceivedOnAFridayEveningOnMondayMorning() {
        Instant fridayEvening = at("2026-11-27T19:45");

        assertThat(calendar.addWorkingDays(fridayEvening, 1)).isEqualTo(at("2026-11-30T17:30"));
        assertThat(calendar.addWorkingTime(fridayEvening, Duration.ofHours(2))).isEqualTo(at("2026-11-30T11:00"));
    }

    @Test
    void shouldCarryWorkingTimeOverTheNightAndLunchIsNotSpecial() {
        assertThat(calendar.addWorkingTime(at("2026-11-25T16:30"), Duration.ofHours(3)))
                .isEqualTo(at("2026-11-26T11:00"));
    }

    @Test
    void shouldMeasureTheWorkingTimeBetweenTwoInstants() {
        assertThat(calendar.workingTimeBetween(at("2026-11-27T16:30"), at("2026-11-30T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(calendar.workingTimeBetween(at("2026-10-01T09:00"), at("2026-10-07T17:00")))
                .as("the National Day holiday").isZero();
        assertThat(calendar.workingTimeBetween(at("2026-11-30T10:00"), at("2026-11-27T10:00"))).isZero();
    }

    @Test
    void shouldAgreeWithItselfThatAddedWorkingTimeIsTheTimeBetween() {
        Instant from = at("2026-09-29T11:20");
        Instant due = calendar.addWorkingDays(from, 5);

        assertThat(calendar.workingTimeBetween(from, due)).isEqualTo(calendar.workingDay().multipliedBy(5));
    }

    @Test
    void shouldTreatAYearWithoutAFileAsWeekdaysOnly() {
        assertThat(calendar.coveredYears()).containsExactly(2026, 2027);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-10-01"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2030-10-05"))).isFalse();
    }

    @Test
    void shouldRefuseACalendarFileThatContradictsItself() {
        String file = """
                year: 2026
                holidays:
                  - { name: 国庆节, from: 2026-10-01, to: 2026-10-07 }
                workingWeekends: [2026-10-12]
                """;

        assertThatThrownBy(() -> CalendarYear.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                "bad.yml")).hasMessageContaining("2026-10-12").hasMessageContaining("MONDAY");
    }

    @Test
    void shouldRefuseAHolidayOutsideItsYear() {
        String file = """
                year: 2026
                holidays:
                  - { name: 元旦, from: 2027-01-01, to: 2027-01-01 }
                """;

        assertThatThrownBy(() -> CalendarYear.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                "bad.yml")).hasMessageContaining("not in 2026");
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
