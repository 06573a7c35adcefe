package org.enquirytriage.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusinessCalendarsTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path folder;

    @Test
    void shouldLoadTheShippedYearsWithTheConfiguredWorkingHours() {
        BusinessCalendar calendar = BusinessCalendars.load(settings(LocalTime.of(8, 30), List.of()));

        assertThat(calendar.years()).containsAll(CalendarFiles.SHIPPED_YEARS);
        assertThat(calendar.workingDay()).isEqualTo(Duration.ofHours(9));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("National Day").isFalse();
    }

    @Test
    void shouldAddAnAgencysYearBesideTheShippedOnes() throws IOException {
        write("2030.yml", 2030, "2030-05-02");

        BusinessCalendar calendar = BusinessCalendars.load(settings(LocalTime.of(9, 0),
                List.of("file:" + folder + "/*.yml")));

        assertThat(calendar.years()).contains(2026, 2027, 2030);
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 5, 2))).isFalse();
    }

    @Test
    void shouldLetAnAgencysFileReplaceAShippedYear() throws IOException {
        write("2026.yml", 2026, "2026-03-02");

        BusinessCalendar calendar = BusinessCalendars.load(settings(LocalTime.of(9, 0),
                List.of("file:" + folder + "/*.yml")));

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).as("the agency's holiday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("no longer the shipped holiday").isTrue();
    }

    @Test
    void shouldRefuseTwoAgencyFilesForOneYear() throws IOException {
        write("a.yml", 2030, "2030-05-02");
        write("b.yml", 2030, "2030-05-03");

        assertThatThrownBy(() -> BusinessCalendars.load(settings(LocalTime.of(9, 0),
                List.of("file:" + folder + "/*.yml"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2030");
    }

    private static CalendarSettings settings(LocalTime workStarts, List<String> files) {
        return new CalendarSettings(SHANGHAI, workStarts, LocalTime.of(17, 30), files);
    }

    private void write(String name, int year, String holiday) throws IOException {
        Files.writeString(folder.resolve(name), """
                year: %d
                provisional: false
                source: a test
                holidays:
                  - name: a day off
                    from: %s
                """.formatted(year, holiday), StandardCharsets.UTF_8);
    }
}
