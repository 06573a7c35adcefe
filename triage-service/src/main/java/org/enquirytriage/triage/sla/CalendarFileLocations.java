package org.enquirytriage.triage.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.calendar.CalendarFiles;
import org.enquirytriage.calendar.CalendarYear;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Finds the yearly calendar files at Spring resource locations, such as {@code classpath*:calendar/*.yml} (the files
 * the calendar module ships) or {@code file:/etc/triage/calendar/*.yml} (an agency's own).
 */
final class CalendarFileLocations {

    private CalendarFileLocations() {
    }

    /**
     * Reads every calendar file the location patterns match.
     *
     * @throws IllegalStateException when a file does not follow the format or two files give the same year
     */
    static List<CalendarYear> load(List<String> locations) {
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
        return CalendarFiles.distinct(years);
    }
}
