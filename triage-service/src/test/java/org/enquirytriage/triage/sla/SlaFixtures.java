package org.enquirytriage.triage.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.calendar.BusinessCalendars;

/** The shipped calendar and the default time limits, for tests outside this package. */
public final class SlaFixtures {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SlaFixtures() {
    }

    public static SlaProperties defaults() {
        return new SlaProperties(new SlaProperties.Calendar(SHANGHAI, "09:00", "17:30",
                List.of(), true), List.of(), TimeLimit.workingDays(2), 10, 0.75,
                TimeLimit.workingDays(1), new SlaProperties.Watcher(Duration.ofMinutes(1), Duration.ofSeconds(30),
                        Duration.ofMinutes(5), 500));
    }

    /** The business calendar of the shipped calendar files. */
    public static BusinessCalendar calendar() {
        return BusinessCalendars.load(defaults().calendar().settings());
    }

    public static SlaPolicy policy() {
        return new BusinessCalendarSlaPolicy(defaults(), calendar());
    }

    /** An instant given as a local date and time in Shanghai, such as {@code 2026-10-09T17:00}. */
    public static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
