package org.enquirytriage.triage.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.enquirytriage.calendar.BusinessCalendar;

import org.springframework.boot.convert.DurationStyle;

/**
 * A time limit in working days ({@code 3wd}), working hours ({@code 4wh}) or clock time ({@code 30m}, {@code 24h},
 * {@code PT30M}), as the configuration writes it.
 */
public record TimeLimit(Unit unit, long amount) {

    /** What a time limit counts. */
    public enum Unit {
        /** Full working days of the business calendar. */
        WORKING_DAYS,
        /** Hours of working time. */
        WORKING_HOURS,
        /** Seconds of clock time, nights, weekends and holidays included. */
        CLOCK_SECONDS
    }

    public TimeLimit {
        if (amount < 0) {
            throw new IllegalArgumentException("A time limit must not be negative: " + amount);
        }
    }

    /** Reads {@code 3wd}, {@code 4wh}, or a duration such as {@code 30m}, {@code 24h} or {@code PT30M}. */
    public static TimeLimit valueOf(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("wd")) {
                return new TimeLimit(Unit.WORKING_DAYS, Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("wh")) {
                return new TimeLimit(Unit.WORKING_HOURS, Long.parseLong(value.substring(0, value.length() - 2)));
            }
            return new TimeLimit(Unit.CLOCK_SECONDS, DurationStyle.detectAndParse(text.trim()).toSeconds());
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is no time limit: write working days as 3wd, "
                    + "working hours as 4wh or clock time as 30m, 24h or PT30M", e);
        }
    }

    public static TimeLimit workingDays(long days) {
        return new TimeLimit(Unit.WORKING_DAYS, days);
    }

    public static TimeLimit clockTime(Duration duration) {
        return new TimeLimit(Unit.CLOCK_SECONDS, duration.toSeconds());
    }

    /** Whether the limit counts working time rather than clock time. */
    public boolean working() {
        return unit != Unit.CLOCK_SECONDS;
    }

    /** The instant the limit runs out when it starts at another. */
    public Instant addTo(Instant start, BusinessCalendar calendar) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.addWorkingTime(start, calendar.workingDay().multipliedBy(amount));
            case WORKING_HOURS -> calendar.addWorkingTime(start, Duration.ofHours(amount));
            case CLOCK_SECONDS -> start.plusSeconds(amount);
        };
    }

    @Override
    public String toString() {
        return switch (unit) {
            case WORKING_DAYS -> amount + "wd";
            case WORKING_HOURS -> amount + "wh";
            case CLOCK_SECONDS -> Duration.ofSeconds(amount).toString();
        };
    }
}
