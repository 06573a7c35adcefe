package org.enquirytriage.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Working days and hours in one time zone, and time limits counted in working time. A day is a working day when it
 * is a weekday that is no statutory holiday, or a weekend day listed as worked in exchange (调休). For a year no
 * calendar file covers, every weekday is a working day: check {@link #coveredYears()} at start-up and warn.
 */
public final class BusinessCalendar {

    /** The years shipped in this module, under {@code calendar/<year>.yml}. */
    public static final List<Integer> SHIPPED_YEARS = List.of(2026, 2027);

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Map<Integer, CalendarYear> years;

    public BusinessCalendar(ZoneId zone, LocalTime opens, LocalTime closes, List<CalendarYear> years) {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Working hours must open (" + opens + ") before they close ("
                    + closes + ")");
        }
        this.zone = zone;
        this.opens = opens;
        this.closes = closes;
        this.years = years.stream().collect(Collectors.toUnmodifiableMap(CalendarYear::year, Function.identity(),
                (a, b) -> {
                    throw new IllegalArgumentException("Two calendar files for " + a.year());
                }));
    }

    /** Asia/Shanghai, 09:00–17:30, with the shipped years. */
    public static BusinessCalendar standard() {
        return new BusinessCalendar(ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0), LocalTime.of(17, 30),
                shippedYears());
    }

    public static List<CalendarYear> shippedYears() {
        List<CalendarYear> years = new ArrayList<>();
        for (int year : SHIPPED_YEARS) {
            String name = "calendar/" + year + ".yml";
            InputStream in = BusinessCalendar.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("The shipped calendar file " + name + " is missing");
            }
            years.add(CalendarYear.read(in, name));
        }
        return years;
    }

    /** The shipped years overridden and extended by every {@code *.yml} file of a folder. */
    public static List<CalendarYear> shippedYearsAnd(Path folder) {
        Map<Integer, CalendarYear> years = shippedYears().stream()
                .collect(Collectors.toMap(CalendarYear::year, Function.identity()));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                CalendarYear year = CalendarYear.read(Files.newInputStream(file), file.toString());
                years.put(year.year(), year);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read calendar files in " + folder, e);
        }
        return List.copyOf(years.values());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years with a calendar file, provisional ones included. */
    public SortedSet<Integer> coveredYears() {
        return new TreeSet<>(years.keySet());
    }

    public boolean isWorkingDay(LocalDate date) {
        CalendarYear year = years.get(date.getYear());
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (year == null) {
            return !weekend;
        }
        return weekend ? year.workingWeekends().contains(date) : !year.holidays().contains(date);
    }

    /** The first working day after a date. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /** The length of one working day, the unit of {@link #addWorkingDays(Instant, int)}. */
    public Duration workingDay() {
        return Duration.between(opens, closes);
    }

    /**
     * The instant a number of working days after another: counted in working time, so that an enquiry received on
     * Wednesday at 10:00 with one working day is due on Thursday at 10:00, and one received on Friday evening is due
     * at the close of the next working day.
     */
    public Instant addWorkingDays(Instant from, int days) {
        return addWorkingTime(from, workingDay().multipliedBy(days));
    }

    /** The instant a span of working time after another, skipping nights, weekends and holidays. */
    public Instant addWorkingTime(Instant from, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Working time to add must not be negative: " + workingTime);
        }
        ZonedDateTime at = from.atZone(zone);
        Duration left = workingTime;
        while (true) {
            LocalDate day = at.toLocalDate();
            if (isWorkingDay(day) && at.toLocalTime().isBefore(closes)) {
                ZonedDateTime start = at.toLocalTime().isBefore(opens) ? day.atTime(opens).atZone(zone) : at;
                ZonedDateTime end = day.atTime(closes).atZone(zone);
                Duration available = Duration.between(start, end);
                if (left.compareTo(available) <= 0) {
                    return start.plus(left).toInstant();
                }
                left = left.minus(available);
            }
            at = nextWorkingDay(day).atTime(opens).atZone(zone);
        }
    }

    /** The working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        ZonedDateTime start = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            ZonedDateTime open = day.atTime(opens).atZone(zone);
            ZonedDateTime close = day.atTime(closes).atZone(zone);
            ZonedDateTime a = start.isAfter(open) ? start : open;
            ZonedDateTime b = end.isBefore(close) ? end : close;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }
}
