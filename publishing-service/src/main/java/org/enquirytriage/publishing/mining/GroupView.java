package org.enquirytriage.publishing.mining;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A group of messages about the same thing, with how many different citizens asked and when.
 *
 * @param question the group's representative question (at most the configured length), from its best-fitting member
 * @param centralMemberId the member the question was taken from
 * @param topic the most frequent topic of the members
 * @param messages how many messages the group holds
 * @param citizens how many different citizens they came from (near-identical messages count once)
 * @param today different citizens in the last 24 hours
 * @param week different citizens in the last 7 days
 * @param dailyAverage different citizens a day in the 7 days before the last 24 hours
 * @param hot whether the group passed the size or growth at which it should become a Q&amp;A item
 * @param places the particular places and regions its members name
 * @param kinds how many members of each kind
 * @param perDay messages per day (yyyy-MM-dd in the service's zone)
 * @param perHour messages per hour (yyyy-MM-ddTHH) over the last 7 days
 * @param memberIds the members, oldest first
 */
public record GroupView(String id, String question, String centralMemberId, String topic, int messages,
        int citizens, int today, int week, double dailyAverage, boolean hot, Instant firstAt, Instant lastAt,
        List<String> places, Map<String, Integer> kinds, Map<String, Integer> perDay, Map<String, Integer> perHour,
        List<String> memberIds) {
}
