package org.enquirytriage.calendar;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * How a service wants its business calendar: the time zone, the working hours, and where an agency's own yearly
 * files are (the shipped years are always there).
 *
 * @param files Spring resource patterns of an agency's yearly files, such as {@code file:/etc/triage/calendar/*.yml};
 *     empty for the shipped years alone
 */
public record CalendarSettings(ZoneId zone, LocalTime workStarts, LocalTime workEnds, List<String> files) {

    public CalendarSettings {
        files = files == null ? List.of() : List.copyOf(files);
    }
}
