package org.enquirytriage.publishing.config;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the publishing service.
 *
 * @param mining how questions are grouped and when a group is hot
 * @param qa the limits of a Q&amp;A item
 * @param posts when and how approved items are published
 * @param knowledge the knowledge base's search
 * @param review who may do which step of the review
 */
@ConfigurationProperties("publishing")
public record PublishingProperties(@DefaultValue Mining mining, @DefaultValue Qa qa, @DefaultValue Posts posts,
        @DefaultValue Knowledge knowledge, @DefaultValue Review review) {

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
     * @param calendarFolder a folder of the agency's own yearly calendar files, or none for the shipped years
     */
    public record Posts(@DefaultValue("0 0 7 * * *") String cron, @DefaultValue("Asia/Shanghai") ZoneId zone,
            @DefaultValue("5") int maxItems, String calendarFolder) {
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
