package org.enquirytriage.publishing.mining;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A group as the {@link GroupStore} keeps it: one document per group, shared by every publishing instance.
 *
 * @param version raised by every join; a join based on an older version is refused, so that two instances joining
 *        at once both land (the second re-reads and tries again) and neither overwrites the other's centroid
 * @param trigrams the centroid over character trigrams: the sum of the members' unit vectors, only its strongest
 *        terms
 * @param bigrams the centroid over character bigrams, likewise
 * @param keys the terms under which the group is found as a candidate (its places, strongest trigrams and bigrams)
 * @param question the group's representative question (≤ the configured length), from its best-fitting member
 * @param questionScore how well that member fitted the group when it joined; a better-fitting one replaces it
 * @param questionMemberId the member the question was taken from
 * @param arrivals every member, oldest first: who it counts as, when it came, its kind, topic and department
 * @param recent the latest members with their fingerprints, to recognise a re-sent message
 * @param lastAt when the latest member came
 */
public record StoredGroup(String id, long version, SparseVector trigrams, SparseVector bigrams,
        List<String> keys, Set<String> places, Set<String> regions, String question, double questionScore,
        String questionMemberId, List<Arrival> arrivals, List<Recent> recent, Instant lastAt) {

    /**
     * One member's arrival.
     *
     * @param countKey who it counts as: {@code citizen:<key>}, or {@code anonymous:<id>} of the first of its
     *        near-identical messages without a citizen key
     */
    public record Arrival(String memberId, String countKey, Instant at, String topic, String kind,
            String department) {
    }

    /** A recent member and the SimHash fingerprint of its bigrams. */
    public record Recent(String memberId, String countKey, Instant at, long fingerprint) {
    }
}
