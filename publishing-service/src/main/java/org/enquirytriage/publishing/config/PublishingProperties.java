package org.enquirytriage.publishing.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.enquirytriage.calendar.BusinessCalendars;
import org.enquirytriage.calendar.CalendarSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the publishing service.
 *
 * @param mining how questions are grouped and when a group is hot
 * @param qa the limits of a Q&amp;A item
 * @param posts when and how approved items are published
 * @param knowledge the knowledge base's search
 * @param calendar the business calendar the daily post keeps to
 */
@ConfigurationProperties("publishing")
public record PublishingProperties(@DefaultValue Mining mining, @DefaultValue Qa qa, @DefaultValue Posts posts,
        @DefaultValue Knowledge knowledge, @DefaultValue Calendar calendar) {

    /** What the calendar module loads the business calendar from: the working hours in the posts' time zone. */
    public CalendarSettings calendarSettings() {
        return new CalendarSettings(posts.zone(), LocalTime.parse(calendar.workStarts()),
                LocalTime.parse(calendar.workEnds()), calendar.files());
    }

    /**
     * The business calendar (its time zone is the posts').
     *
     * @param workStarts when the working day starts, such as {@code 09:00}
     * @param workEnds when the working day ends, such as {@code 17:30}
     * @param files where an agency's own yearly calendar files are, beside the years the calendar module ships:
     *        resource patterns such as {@code file:/etc/publishing/calendar/*.yml}; see {@link BusinessCalendars}
     */
    public record Calendar(@DefaultValue("09:00") String workStarts, @DefaultValue("17:30") String workEnds,
            List<String> files) {
    }

    /**
     * @param threshold the least similarity (0–1: half cosine over TF-IDF words, half over character bigrams) of a
     *        question to a group's centroid for it to join the group; below it the question starts a group
     * @param candidates how many groups BM25 retrieval proposes for the similarity check
     * @param representatives how many members of a group feed its entry in the retrieval index
     * @param duplicateSimilarity from this similarity on, two messages without a citizen key are near-identical
     * @param duplicateWindow how close in time near-identical messages without a citizen key must be to count as
     *        one citizen
     * @param hotWeekCitizens a group is hot when this many different citizens asked in the last 7 days
     * @param hotTodayCitizens ... or when at least this many asked in the last 24 hours
     * @param hotGrowthFactor ... and that is at least this many times the daily average of the 6 days before
     * @param centralSample how many members (the most recent) are compared to find a group's most central one
     */
    public record Mining(@DefaultValue("0.30") double threshold, @DefaultValue("20") int candidates,
            @DefaultValue("8") int representatives, @DefaultValue("0.85") double duplicateSimilarity,
            @DefaultValue("24h") Duration duplicateWindow, @DefaultValue("5") int hotWeekCitizens,
            @DefaultValue("3") int hotTodayCitizens, @DefaultValue("3.0") double hotGrowthFactor,
            @DefaultValue("40") int centralSample) {

        public static Mining defaults() {
            return new Mining(0.30, 20, 8, 0.85, Duration.ofHours(24), 5, 3, 3.0, 40);
        }
    }

    /**
     * @param maxAnswerLength the longest answer, in characters
     * @param maxQuestionLength the longest question, in characters
     */
    public record Qa(@DefaultValue("200") int maxAnswerLength, @DefaultValue("60") int maxQuestionLength) {
    }

    /**
     * @param cron when the daily post is made (Spring cron, six fields), on working days of the business calendar
     * @param zone the time zone of the cron and of the post's date
     * @param maxItems the most items in one post
     */
    public record Posts(@DefaultValue("0 0 7 * * *") String cron, @DefaultValue("Asia/Shanghai") ZoneId zone,
            @DefaultValue("5") int maxItems) {
    }

    /**
     * @param pageSize the items on one page of search results
     * @param minSuggestionScore the least score (0–1) of a suggested answer
     */
    public record Knowledge(@DefaultValue("10") int pageSize, @DefaultValue("0.15") double minSuggestionScore) {
    }
}
