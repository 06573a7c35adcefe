package org.enquirytriage.publishing.qa;

import java.time.Instant;

/**
 * One step of an item's workflow.
 *
 * @param by who took it ({@code system} for the drafting and the scheduled posts)
 * @param note the editor's note, the post id, or the reason
 */
public record HistoryEntry(Instant at, String by, QaStatus from, QaStatus to, String note) {
}
