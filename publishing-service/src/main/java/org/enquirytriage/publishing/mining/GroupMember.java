package org.enquirytriage.publishing.mining;

import java.time.Instant;
import java.util.List;

/**
 * A message as a member of a group, as the store keeps it.
 *
 * @param terms the codes of the trigrams and bigrams it was grouped by (without counts), to seed the term
 *        statistics
 */
public record GroupMember(String id, String groupId, String subject, String text, Instant at, List<Long> terms) {
}
