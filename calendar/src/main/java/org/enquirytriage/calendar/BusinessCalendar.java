package org.enquirytriage.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working time in one time zone: working hours on working days, where a working day is a Monday to Friday that is
 * no statutory holiday, or a make-up working day (调休) on a weekend. A year without a calendar file counts its
 * Mondays to Fridays as working days and says so once in the log.
 */
public final class BusinessCalendar {

    /** Far more than any time limit needs: a loop that gets this far has been given a calendar without workdays. */
    private static final int MAX_DAYS_SEARCHED = 3_660;

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);

    private final ZoneId zone;
    private final LocalTime workStarts;
    private final LocalTime workEnds;
    private final Map<Integer, CalendarYear> years;
    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final Set<Integer> yearsWarnedAbout = ConcurrentHashMap.newKeySet();

    public BusinessCalendar(ZoneId zone, LocalTime workStarts, LocalTime workEnds, Collection<CalendarYear> years) {
        if (!workStarts.isBefore(workEnds)) {
            throw new IllegalArgumentException("Working hours must start before they end: " + workStarts + "–"
                    + workEnds);
        }
        this.zone = zone;
        this.workStarts = workStarts;
        this.workEnds = workEnds;
        this.years = years.stream().collect(Collectors.toUnmodifiableMap(CalendarYear::year, Function.identity()));
        // a make-up day may lie in the year before its holiday's: the days count wherever the file lists them
        this.holidays = years.stream().flatMap(year -> year.holidays().stream()).collect(Collectors.toUnmodifiableSet());
        this.workdays = years.stream().flatMap(year -> year.workdays().stream()).collect(Collectors.toUnmodifiableSet());
    }

    public ZoneId zone() {
        return zone;
    }

    /** The years that have a calendar file, in order. */
    public SortedSet<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    /** The calendar of a year, if a file gave one. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** The working time of one full working day, such as 8.5 hours for 09:00–17:30. */
    public Duration workingDay() {
        return Duration.between(workStarts, workEnds);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (holidays.contains(day)) {
            return false;
        }
        if (workdays.contains(day)) {
            return true;
        }
        if (!years.containsKey(day.getYear()) && yearsWarnedAbout.add(day.getYear())) {
            log.warn("No calendar file for {}: its Mondays to Fridays count as working days and its holidays are "
                    + "ignored until calendar/{}.yml is added", day.getYear(), day.getYear());
        }
        return isWeekday(day);
    }

    /** The first working day after a date. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++, next = next.plusDays(1)) {
            if (isWorkingDay(next)) {
                return next;
            }
        }
        throw new IllegalStateException("No working day within " + MAX_DAYS_SEARCHED + " days of " + date);
    }

    /** The instant when an amount of working time has passed after another instant. */
    public Instant addWorkingTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("Working time to add must not be negative: " + amount);
        }
        ZonedDateTime start = from.atZone(zone);
        LocalDate day = start.toLocalDate();
        LocalTime cursor = start.toLocalTime().isBefore(workStarts) ? workStarts : start.toLocalTime();
        Duration left = amount;
        for (int searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
            if (isWorkingDay(day) && cursor.isBefore(workEnds)) {
                Duration available = Duration.between(cursor, workEnds);
                if (left.compareTo(available) <= 0) {
                    return ZonedDateTime.of(day, cursor, zone).plus(left).toInstant();
                }
                left = left.minus(available);
            }
            day = day.plusDays(1);
            cursor = workStarts;
        }
        throw new IllegalStateException("No working day within " + MAX_DAYS_SEARCHED + " days of " + from);
    }

    /** The instant when a number of full working days of working time have passed after another instant. */
    public Instant addWorkingDays(Instant from, int days) {
        return addWorkingTime(from, workingDay().multipliedBy(days));
    }

    /** The working time between two instants; zero when the second is not after the first. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            Instant opens = ZonedDateTime.of(day, workStarts, zone).toInstant();
            Instant closes = ZonedDateTime.of(day, workEnds, zone).toInstant();
            Instant begin = from.isAfter(opens) ? from : opens;
            Instant end = to.isBefore(closes) ? to : closes;
            if (end.isAfter(begin)) {
                total = total.plus(Duration.between(begin, end));
            }
        }
        return total;
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
