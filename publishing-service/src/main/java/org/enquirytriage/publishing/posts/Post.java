package org.enquirytriage.publishing.posts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A batch of Q&amp;A items published together. Its id is its key, so each is made at most once: {@code
 * daily-<date>} for the day's post, {@code daily-<date>-<series>} for a series post of that day, {@code
 * urgent-<item id>} for an item that jumped the queue.
 *
 * @param series the series all its items belong to, or {@code null} for a mixed post
 * @param itemIds the items, in order of demand
 */
@Document("posts")
public record Post(@Id String id, Kind kind, LocalDate date, String series, List<String> itemIds,
        Instant createdAt) {

    /** How the post came to be. */
    public enum Kind {
        DAILY, SERIES, URGENT
    }
}
