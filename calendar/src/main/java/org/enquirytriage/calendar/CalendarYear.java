package org.enquirytriage.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One year's statutory holidays and make-up working days, as a yearly calendar file gives them:
 *
 * <pre>
 * year: 2026
 * provisional: false          # true while the official notice is not yet published
 * holidays:
 *   - { name: 春节, from: 2026-02-15, to: 2026-02-23 }
 * workingWeekends: [2026-02-14, 2026-02-28]
 * </pre>
 *
 * @param holidays the days off, weekends inside a holiday included
 * @param workingWeekends the Saturdays and Sundays that are working days
 */
public record CalendarYear(int year, boolean provisional, Set<LocalDate> holidays, Set<LocalDate> workingWeekends) {

    public CalendarYear {
        holidays = Set.copyOf(holidays);
        workingWeekends = Set.copyOf(workingWeekends);
        for (LocalDate day : holidays) {
            requireInYear(year, day, "holiday");
        }
        for (LocalDate day : workingWeekends) {
            requireInYear(year, day, "working weekend day");
            if (day.getDayOfWeek().getValue() < 6) {
                throw new IllegalArgumentException(day + " is listed as a working weekend day but is a "
                        + day.getDayOfWeek());
            }
            if (holidays.contains(day)) {
                throw new IllegalArgumentException(day + " is listed both as a holiday and as a working day");
            }
        }
    }

    /** Reads a yearly calendar file. */
    public static CalendarYear read(InputStream yaml, String name) {
        Map<String, Object> root;
        try (yaml) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read calendar file " + name, e);
        }
        catch (RuntimeException e) {
            throw new IllegalArgumentException("Calendar file " + name + " is not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || !(root.get("year") instanceof Integer year)) {
            throw new IllegalArgumentException("Calendar file " + name + " has no 'year'");
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (Object entry : list(root.get("holidays"), name, "holidays")) {
            if (!(entry instanceof Map<?, ?> holiday)) {
                throw new IllegalArgumentException("Calendar file " + name + ": each holiday needs 'from' and 'to'");
            }
            LocalDate from = date(holiday.get("from"), name);
            LocalDate to = date(holiday.get("to"), name);
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("Calendar file " + name + ": holiday " + holiday.get("name")
                        + " ends before it starts");
            }
            from.datesUntil(to.plusDays(1)).forEach(holidays::add);
        }
        Set<LocalDate> workingWeekends = new HashSet<>();
        for (Object day : list(root.get("workingWeekends"), name, "workingWeekends")) {
            workingWeekends.add(date(day, name));
        }
        boolean provisional = Boolean.TRUE.equals(root.get("provisional"));
        try {
            return new CalendarYear(year, provisional, holidays, workingWeekends);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Calendar file " + name + ": " + e.getMessage(), e);
        }
    }

    private static List<?> list(Object value, String name, String field) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("Calendar file " + name + ": '" + field + "' must be a list");
    }

    private static LocalDate date(Object value, String name) {
        if (value instanceof java.util.Date date) {
            return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Calendar file " + name + ": '" + value + "' is not a date (yyyy-MM-dd)",
                    e);
        }
    }

    private static void requireInYear(int year, LocalDate day, String what) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(what + " " + day + " is not in " + year);
        }
    }
}
