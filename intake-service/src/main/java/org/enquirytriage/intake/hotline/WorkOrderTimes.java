package org.enquirytriage.intake.hotline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/**
 * Reads the time of a work order: an ISO-8601 time with an offset ({@code 2026-03-02T09:29:00+08:00}), or a local
 * date and time as hotline systems export them ({@code 2026-03-02 09:29:00}, {@code 2026/3/2 9:29},
 * {@code 2026-03-02}) in the hotline's time zone.
 */
final class WorkOrderTimes {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu[-][/]M[-][/]d")
            .optionalStart()
            .appendPattern("[' ']['T']H:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private WorkOrderTimes() {
    }

    /** The instant a time names, or empty when it is none of the forms. */
    static Optional<Instant> parse(String time, ZoneId zone) {
        TemporalAccessor parsed;
        try {
            parsed = FORMAT.parseBest(time, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        }
        catch (DateTimeParseException e) {
            return Optional.empty();
        }
        if (parsed instanceof OffsetDateTime offset) {
            return Optional.of(offset.toInstant());
        }
        if (parsed instanceof LocalDateTime local) {
            return Optional.of(local.atZone(zone).toInstant());
        }
        return Optional.of(((LocalDate) parsed).atStartOfDay(zone).toInstant());
    }
}
