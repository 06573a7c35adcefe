package org.enquirytriage.events;

import java.time.Instant;

/**
 * A Q&amp;A item was published in a post; channel adapters push it to their audiences.
 *
 * @param series the series (系列) the item belongs to, or {@code null}
 */
public record QaPublished(String eventId, Instant occurredAt, String qaId, String postId, String series,
        String question, String answer, String topic) implements QaEvent {
}
