package org.enquirytriage.publishing.mining;

import java.util.List;
import java.util.Set;

/**
 * What a new member changes in a group, applied by {@link GroupStore#join} in one atomic single-document update
 * only while the group is still at {@code expectedVersion}.
 *
 * @param trigrams the new centroid over trigrams (replaces the stored one)
 * @param bigrams the new centroid over bigrams
 * @param keys the new retrieval keys
 * @param question the new representative question, or {@code null} to keep the stored one
 * @param recentLimit how many recent members to keep
 */
public record Join(String groupId, long expectedVersion, StoredGroup.Arrival arrival, StoredGroup.Recent recent,
        SparseVector trigrams, SparseVector bigrams, List<String> keys, Set<String> places,
        Set<String> regions, String question, double questionScore, String questionMemberId, int recentLimit) {
}
