package org.enquirytriage.publishing.surges;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * How surges are detected.
 *
 * @param window the sliding window whose messages are counted (the last hour)
 * @param baselineDays the days whose same hours (± 1 hour) make the baseline
 * @param floorPerHour the least baseline per hour, so that a new group, place or topic is not compared with zero
 * @param overlap from this share of common messages on, two alerts (say, a group and its place) are one surge
 * @param levels the levels, lowest first; a surge has the highest level whose thresholds it passes
 */
public record SurgeSettings(Duration window, int baselineDays, double floorPerHour, double overlap,
        List<Level> levels) {

    public SurgeSettings {
        levels = levels.stream().sorted(Comparator.comparingInt(Level::rank)).toList();
    }

    /**
     * A level of alert.
     *
     * @param name what supervisors call it (IV … I, or 蓝/黄/橙/红)
     * @param rank 1 for the lowest
     * @param minMessages the least messages in the window
     * @param minRatio the least multiple of the expected messages in the window
     * @param acknowledgeWithin how soon a response must be acknowledged at this level
     * @param statementWithin how soon a first public statement is due, or {@code null} when none is required
     */
    public record Level(String name, int rank, int minMessages, double minRatio, Duration acknowledgeWithin,
            Duration statementWithin) {
    }

    /** The defaults of {@code application.yml}: 蓝/黄/橙/红 at 6/10/20/40 messages in an hour and 10× the baseline. */
    public static SurgeSettings defaults() {
        return new SurgeSettings(Duration.ofHours(1), 14, 0.05, 0.5, List.of(
                new Level("蓝", 1, 6, 10, Duration.ofMinutes(60), null),
                new Level("黄", 2, 10, 10, Duration.ofMinutes(30), null),
                new Level("橙", 3, 20, 10, Duration.ofMinutes(15), Duration.ofMinutes(60)),
                new Level("红", 4, 40, 10, Duration.ofMinutes(10), Duration.ofMinutes(60))));
    }
}
