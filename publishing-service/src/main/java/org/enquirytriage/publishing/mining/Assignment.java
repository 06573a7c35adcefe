package org.enquirytriage.publishing.mining;

/**
 * Where a message went.
 *
 * @param created whether it started a group
 * @param similarity its similarity to the group it joined (1 for a group it started)
 * @param newCitizen whether it counted as another citizen in its group
 */
public record Assignment(String memberId, String groupId, boolean created, double similarity, boolean newCitizen) {
}
