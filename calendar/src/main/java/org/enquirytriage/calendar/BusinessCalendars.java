package org.enquirytriage.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Loads the business calendar every service counts on, the one way: the years this module ships, replaced or extended
 * by an agency's own files. An agency's file may replace a shipped year (the log says so); two agency files for the
 * same year are an error, since neither can be known to be the right one.
 */
public final class BusinessCalendars {

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendars.class);

    private BusinessCalendars() {
    }

    /**
     * The calendar of these settings.
     *
     * @throws IllegalStateException when a file does not follow the format, or two agency files give the same year
     */
    public static BusinessCalendar load(CalendarSettings settings) {
        return new BusinessCalendar(settings.zone(), settings.workStarts(), settings.workEnds(),
                merge(CalendarFiles.shipped(), agencyFiles(settings.files())));
    }

    /**
     * The shipped years with the agency's: an agency's year replaces the shipped one.
     *
     * @throws IllegalStateException when two agency files give the same year
     */
    static List<CalendarYear> merge(List<CalendarYear> shipped, List<CalendarYear> agency) {
        Map<Integer, CalendarYear> agencyYears = new TreeMap<>();
        for (CalendarYear year : agency) {
            if (agencyYears.putIfAbsent(year.year(), year) != null) {
                throw new IllegalStateException("Two of the agency's calendar files give the year " + year.year()
                        + ": keep one");
            }
        }
        Map<Integer, CalendarYear> years = new TreeMap<>();
        shipped.forEach(year -> years.put(year.year(), year));
        agencyYears.values().forEach(year -> {
            if (years.put(year.year(), year) != null) {
                log.info("The agency's calendar file for {} replaces the one shipped with the calendar module",
                        year.year());
            }
        });
        return List.copyOf(years.values());
    }

    private static List<CalendarYear> agencyFiles(List<String> locations) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<CalendarYear> years = new ArrayList<>();
        for (String location : locations) {
            try {
                for (Resource resource : resolver.getResources(location)) {
                    years.add(CalendarFiles.read(resource.getInputStream(), resource.getDescription()));
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read the calendar files at " + location, e);
            }
        }
        return years;
    }
}
