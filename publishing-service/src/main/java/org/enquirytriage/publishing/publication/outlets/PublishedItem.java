package org.enquirytriage.publishing.publication.outlets;

import java.net.URI;
import java.time.Instant;

/**
 * A published item as it goes out to outlets, its text masked.
 *
 * @param form {@code SINGLE}, {@code SERIES} or {@code URGENT}
 * @param link the item on the public knowledge-base page
 * @param audio its audio rendering, or {@code null}
 */
record PublishedItem(String qaId, String postId, String question, String answer, String topic, String series,
        String form, Instant publishedAt, URI link, URI audio) {
}
