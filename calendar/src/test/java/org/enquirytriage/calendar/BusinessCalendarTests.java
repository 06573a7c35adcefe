package org.enquirytriage.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BusinessCalendarTests {

    private final BusinessCalendar calendar = BusinessCalendars.load(new CalendarSettings(ZoneId.of("Asia/Shanghai"),
            LocalTime.of(9, 0), LocalTime.of(17, 30), List.of()));

    @Test
    void shouldShipTheYearsOfTheOfficialNoticeAndAProvisionalNextYear() {
        assertThat(calendar.years()).contains(2026, 2027);
        assertThat(calendar.year(2026).orElseThrow().provisional()).isFalse();
        assertThat(calendar.year(2027).orElseThrow().provisional()).isTrue();
        assertThat(calendar.workingDay()).isEqualTo(Duration.ofMinutes(510));
    }

    @Test
    void shouldKnowTheHolidaysAndMakeUpWorkingDaysOf2026() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 4))).as("Sunday make-up day of New Year").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday before Spring Festival").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Monday, last day of Spring Festival")
                .isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).as("Saturday after Spring Festival").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 9))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).as("an ordinary Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 12))).as("an ordinary Monday").isTrue();
    }

    @Test
    void shouldCarryADeadlineAcrossTheNationalDayWeekOntoItsMakeUpSaturday() {
        // Wednesday 30 September 10:00, three working days: 7.5 h that day, 1–7 October off,
        // 8 and 9 October (17 h), and the last hour on Saturday 10 October, a make-up working day
        assertThat(calendar.addWorkingDays(shanghai("2026-09-30T10:00"), 3)).isEqualTo(shanghai("2026-10-10T10:00"));
    }

    @Test
    void shouldCountTheSundayBeforeNationalDayAsAWorkingDay() {
        assertThat(calendar.addWorkingDays(shanghai("2026-09-18T16:00"), 1)).isEqualTo(shanghai("2026-09-20T16:00"));
    }

    @Test
    void shouldCarryADeadlineAcrossSpringFestival() {
        // Friday 13 February 15:00, five working days: 2.5 h, Saturday 14 February (make-up) 8.5 h,
        // 15–23 February off, then 24, 25, 26 February (25.5 h) and 6 h on Friday 27 February
        assertThat(calendar.addWorkingDays(shanghai("2026-02-13T15:00"), 5)).isEqualTo(shanghai("2026-02-27T15:00"));
    }

    @Test
    void shouldStartCountingACaseOpenedOnFridayEveningOnMondayMorning() {
        assertThat(calendar.addWorkingDays(shanghai("2026-03-06T19:30"), 1)).isEqualTo(shanghai("2026-03-09T17:30"));
        assertThat(calendar.addWorkingTime(shanghai("2026-03-06T19:30"), Duration.ofHours(1)))
                .isEqualTo(shanghai("2026-03-09T10:00"));
        assertThat(calendar.addWorkingTime(shanghai("2026-03-09T07:00"), Duration.ZERO))
                .isEqualTo(shanghai("2026-03-09T09:00"));
    }

    @Test
    void shouldEndADeadlineThatUsesUpADayAtTheEndOfThatDay() {
        assertThat(calendar.addWorkingDays(shanghai("2026-03-09T09:00"), 1)).isEqualTo(shanghai("2026-03-09T17:30"));
    }

    @Test
    void shouldMeasureTheWorkingTimeBetweenTwoInstants() {
        assertThat(calendar.workingTimeBetween(shanghai("2026-03-06T16:00"), shanghai("2026-03-09T10:00")))
                .isEqualTo(Duration.ofMinutes(150));
        assertThat(calendar.workingTimeBetween(shanghai("2026-09-30T10:00"), shanghai("2026-10-10T10:00")))
                .isEqualTo(Duration.ofMinutes(3 * 510));
        assertThat(calendar.workingTimeBetween(shanghai("2026-10-02T10:00"), shanghai("2026-10-03T10:00")))
                .isZero();
        assertThat(calendar.workingTimeBetween(shanghai("2026-03-09T10:00"), shanghai("2026-03-09T09:00")))
                .isZero();
    }

    @Test
    void shouldBeTheInverseOfAddingWorkingTime() {
        var start = shanghai("2026-02-12T11:17");
        for (int days = 0; days < 30; days++) {
            var due = calendar.addWorkingDays(start, days);
            assertThat(calendar.workingTimeBetween(start, due)).isEqualTo(calendar.workingDay().multipliedBy(days));
        }
    }

    @Test
    void shouldCountMondaysToFridaysInAYearWithoutCalendarFile() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).as("a Wednesday, New Year unknown").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 4))).as("a Saturday").isFalse();
    }

    @Test
    void shouldRefuseACalendarFileThatIsNotValidAndSayWhy() {
        assertThatThrownBy(() -> CalendarFiles.read(yaml("year: 2028\nholidays:\n  - {name: x, from: 2028-10-03, "
                + "to: 2028-10-01}\n"), "test.yml")).hasMessageContaining("ends on 2028-10-01, before it starts on 2028-10-03");
        assertThatThrownBy(() -> CalendarFiles.read(yaml("year: 2028\nholidays:\n  - {name: x, from: 2028-10-02, "
                + "workdays: [2028-10-04]}\n"), "test.yml")).hasMessageContaining("2028-10-04, which is a WEDNESDAY");
        assertThatThrownBy(() -> CalendarFiles.read(yaml("year: 2028\nholidays:\n  - {name: x, from: 2029-01-01}\n"), "test.yml"))
                .hasMessageContaining("not in 2028");
        assertThatThrownBy(() -> CalendarFiles.read(yaml("holidays: []\n"), "test.yml")).hasMessageContaining("year must be");
        assertThatThrownBy(() -> CalendarFiles.read(yaml("year: 2028\nholidays:\n  - {name: x, from: 2028-10-0}\n"), "test.yml"))
                .hasMessageContaining("must be a date");
    }

    @Test
    void shouldReadAFileWithQuotedDatesAndSingleDays() {
        CalendarYear year = CalendarFiles.parse(Map.of("year", 2028, "holidays", List.of(Map.of("name", "x",
                "from", "2028-10-02", "workdays", List.of("2028-09-30")))), "test");

        assertThat(year.holidays()).containsExactly(LocalDate.of(2028, 10, 2));
        assertThat(year.workdays()).containsExactly(LocalDate.of(2028, 9, 30));
    }

    @Test
    void shouldFindTheNextWorkingDayAcrossAHoliday() {
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.nextWorkingDay(LocalDate.of(2026, 10, 9))).as("make-up Saturday")
                .isEqualTo(LocalDate.of(2026, 10, 10));
    }

    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
