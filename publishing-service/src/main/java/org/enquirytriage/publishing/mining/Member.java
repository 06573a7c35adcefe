package org.enquirytriage.publishing.mining;

import java.time.Instant;

/**
 * A message as a member of a group, as it is stored.
 *
 * @param countKey who it counts as: {@code citizen:<key>}, or for a message without a citizen key
 *        {@code anonymous:<id>} of the first of its near-identical messages
 */
record Member(String id, String groupId, String subject, String text, String citizenKey, String countKey,
        String topic, Instant at, Features features) {

    Message message() {
        return new Message(id, subject, text, citizenKey, topic, at);
    }
}
