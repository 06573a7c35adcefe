package org.enquirytriage.publishing.mining;

/** A message was put into a group; published in the application after the group was stored. */
public record MessageGrouped(Message message, String groupId, String question) {
}
