package org.enquirytriage.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * The statutory holidays and the make-up working days (调休) of one year, as a yearly calendar file lists them.
 *
 * @param provisional whether the dates are a forecast waiting for the State Council's notice
 * @param source where the dates come from, for whoever checks them
 * @param holidays the days off that would otherwise be working days, and the weekend days of a holiday
 * @param workdays the Saturdays and Sundays that are working days because a holiday borrowed them
 */
public record CalendarYear(int year, boolean provisional, String source, Set<LocalDate> holidays,
        Set<LocalDate> workdays) {

    public CalendarYear {
        holidays = Set.copyOf(holidays);
        workdays = Set.copyOf(workdays);
    }
}
