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
 * @param review who may do which step of the review
 */
@ConfigurationProperties("publishing")
public record PublishingProperties(@DefaultValue Mining mining, @DefaultValue Qa qa, @DefaultValue Posts posts,
        @DefaultValue Knowledge knowledge, @DefaultValue Calendar calendar, @DefaultValue Review review) {

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
     * @param threshold the least score of a message against a group's centroid for it to join the group (the
     *        similarity, 0–1: half cosine over TF-IDF character trigrams, half over bigrams; raised by the place
     *        boost); below it the message starts a group
     * @param placeBoost the similarity is multiplied by 1 + this when the message names a particular place the
     *        group names: the same issue written differently at one river or estate shares few other words, while
     *        another problem at the same place stays far below the threshold even when doubled
     * @param candidates how many groups (those sharing the most keys with the message) are compared with it
     * @param trigramLength how many characters of a message's text (after its subject) are read for its trigrams
     * @param headLength how many characters of a message's text (after its subject) are read for its bigrams and
     *        places
     * @param centroidTerms how many of the strongest trigrams (and as many bigrams) a group's centroid keeps
     * @param keyTerms how many of its strongest trigrams (and as many bigrams) a group is found under, with its
     *        places
     * @param queryTerms how many of its strongest trigrams (and as many bigrams) a message looks for, with its
     *        places
     * @param questionLength the longest representative question of a group, in characters
     * @param recentMembers how many recent members a group keeps fingerprints of, to recognise re-sent messages
     * @param duplicateSimilarity from this likeness of their fingerprints on (0–1, the share of equal SimHash
     *        bits), two messages without a citizen key are near-identical
     * @param duplicateWindow how close in time near-identical messages without a citizen key must be to count as
     *        one citizen
     * @param hotWeekCitizens a group is hot when this many different citizens asked in the last 7 days
     * @param hotTodayCitizens ... or when at least this many asked in the last 24 hours
     * @param hotGrowthFactor ... and that is at least this many times the daily average of the 7 days before
     * @param scanDays the groups listed for editors are those with a member in this many days
     * @param scanGroups ... at most this many of them, the latest first
     * @param zone the zone of a group's counts per day and hour
     */
    public record Mining(@DefaultValue("0.20") double threshold, @DefaultValue("1.0") double placeBoost,
            @DefaultValue("20") int candidates, @DefaultValue("80") int trigramLength, @DefaultValue("200") int headLength, @DefaultValue("150") int centroidTerms,
            @DefaultValue("12") int keyTerms, @DefaultValue("8") int queryTerms,
            @DefaultValue("40") int questionLength, @DefaultValue("20") int recentMembers,
            @DefaultValue("0.90") double duplicateSimilarity, @DefaultValue("24h") Duration duplicateWindow,
            @DefaultValue("5") int hotWeekCitizens, @DefaultValue("3") int hotTodayCitizens,
            @DefaultValue("3.0") double hotGrowthFactor, @DefaultValue("30") int scanDays,
            @DefaultValue("2000") int scanGroups, @DefaultValue("Asia/Shanghai") ZoneId zone) {

        public static Mining defaults() {
            return new Mining(0.20, 1.0, 20, 80, 200, 150, 12, 8, 40, 20, 0.90, Duration.ofHours(24), 5, 3, 3.0, 30, 2000,
                    ZoneId.of("Asia/Shanghai"));
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

    /**
     * @param separateDuties each of the three checks by a different editor, and the approval by someone who neither
     *        wrote nor checked the item; off, one editor may do it all
     */
    public record Review(@DefaultValue("true") boolean separateDuties) {
    }
}
