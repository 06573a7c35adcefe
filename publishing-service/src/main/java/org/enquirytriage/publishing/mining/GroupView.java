package org.enquirytriage.publishing.mining;

import java.time.Instant;
import java.util.List;

/**
 * A group of messages about the same thing, with how many different citizens asked and when.
 *
 * @param question the question of the group, in the words of its most central member
 * @param centralMemberId the member most similar to the others
 * @param topic the most frequent topic of the members
 * @param messages how many messages the group holds
 * @param citizens how many different citizens they came from (near-identical messages count once)
 * @param today different citizens in the last 24 hours
 * @param week different citizens in the last 7 days
 * @param dailyAverage different citizens a day in the 7 days before the last 24 hours
 * @param hot whether the group passed the size or growth at which it should become a Q&amp;A item
 * @param memberIds the members, oldest first
 */
public record GroupView(String id, String question, String centralMemberId, String topic, int messages,
        int citizens, int today, int week, double dailyAverage, boolean hot, Instant firstAt, Instant lastAt,
        List<String> memberIds) {
}
