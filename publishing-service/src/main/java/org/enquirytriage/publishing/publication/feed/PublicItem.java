package org.enquirytriage.publishing.publication.feed;

import java.net.URI;
import java.time.Instant;

import org.enquirytriage.publishing.publication.PostForm;
import org.enquirytriage.publishing.publication.PublicLinks;
import org.enquirytriage.publishing.publication.PublicText;
import org.enquirytriage.publishing.qa.QaItem;

/**
 * A published item as the public and the partners see it: its text masked, its link, its audio when it has one.
 *
 * @param audioLength the size of the audio in bytes, or {@code null} without audio
 */
record PublicItem(String id, String question, String answer, String topic, String series, PostForm form,
        String postId, Instant publishedAt, URI link, URI audio, Long audioLength) {

    static PublicItem of(QaItem item, PublicLinks links, Long audioLength) {
        return new PublicItem(item.id(), PublicText.masked(item.question()), PublicText.masked(item.answer()),
                item.topic(), item.series(), PostForm.of(item), item.postId(), item.publishedAt(),
                links.item(item.id()), audioLength == null ? null : links.audio(item.id()), audioLength);
    }
}
