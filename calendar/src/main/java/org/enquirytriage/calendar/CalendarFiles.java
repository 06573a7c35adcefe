package org.enquirytriage.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the yearly calendar files: one YAML file per year with its holidays and their make-up working days. The
 * format is described in the README and in {@code calendar/2026.yml}.
 */
public final class CalendarFiles {

    /** The years whose files this module ships. */
    public static final List<Integer> SHIPPED_YEARS = List.of(2026, 2027);

    private CalendarFiles() {
    }

    /** The calendar files shipped with this module, under {@code calendar/<year>.yml} on the class path. */
    public static List<CalendarYear> shipped() {
        List<CalendarYear> years = new ArrayList<>();
        for (int year : SHIPPED_YEARS) {
            String name = "calendar/" + year + ".yml";
            InputStream in = CalendarFiles.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("The shipped calendar file " + name + " is missing");
            }
            years.add(read(in, name));
        }
        return years;
    }

    /**
     * Reads one calendar file.
     *
     * @param name what to call the file in error messages
     * @throws IllegalStateException when it does not follow the format
     */
    public static CalendarYear read(InputStream yaml, String name) {
        try (InputStream in = yaml) {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return parse(document, name);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the calendar file " + name, e);
        }
        catch (IllegalStateException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new IllegalStateException("Calendar file " + name + " is not valid: " + e.getMessage(), e);
        }
    }

    public static CalendarYear parse(Object document, String name) {
        if (!(document instanceof Map<?, ?> root)) {
            throw invalid(name, "it must be a mapping with year, provisional, source and holidays");
        }
        if (!(root.get("year") instanceof Integer year)) {
            throw invalid(name, "year must be a number such as 2026");
        }
        boolean provisional = Boolean.TRUE.equals(root.get("provisional"));
        String source = root.get("source") == null ? null : root.get("source").toString();
        Set<LocalDate> holidays = new LinkedHashSet<>();
        Set<LocalDate> workdays = new LinkedHashSet<>();
        Object entries = root.get("holidays");
        if (!(entries instanceof List<?> list)) {
            throw invalid(name, "holidays must be a list (it may be empty: [])");
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> holiday)) {
                throw invalid(name, "every holiday must be a mapping with name, from, to and workdays");
            }
            String what = String.valueOf(holiday.get("name"));
            LocalDate from = date(holiday.get("from"), name, what + ".from");
            LocalDate to = holiday.get("to") == null ? from : date(holiday.get("to"), name, what + ".to");
            if (from.getYear() != year) {
                throw invalid(name, what + " starts on " + from + ", which is not in " + year);
            }
            if (to.isBefore(from)) {
                throw invalid(name, what + " ends on " + to + ", before it starts on " + from);
            }
            from.datesUntil(to.plusDays(1)).forEach(holidays::add);
            for (Object workday : listOf(holiday.get("workdays"), name, what + ".workdays")) {
                LocalDate day = date(workday, name, what + ".workdays");
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw invalid(name, what + " has the make-up working day " + day + ", which is a "
                            + day.getDayOfWeek() + " and so a working day anyway");
                }
                workdays.add(day);
            }
        }
        Set<LocalDate> both = new LinkedHashSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw invalid(name, "these days are both holidays and working days: " + both);
        }
        return new CalendarYear(year, provisional, source, holidays, workdays);
    }

    private static List<?> listOf(Object value, String name, String field) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw invalid(name, field + " must be a list of dates");
    }

    private static LocalDate date(Object value, String name, String field) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof String text) {
            try {
                return LocalDate.parse(text);
            }
            catch (DateTimeParseException e) {
                throw invalid(name, field + " must be a date such as 2026-10-01 (was " + text + ")");
            }
        }
        throw invalid(name, field + " must be a date such as 2026-10-01 (was " + value + ")");
    }

    private static IllegalStateException invalid(String name, String why) {
        return new IllegalStateException("Calendar file " + name + " is not valid: " + why);
    }
}
