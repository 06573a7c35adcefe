package org.enquirytriage.publishing.publication.feed;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.enquirytriage.publishing.knowledge.KnowledgeBase;
import org.enquirytriage.publishing.publication.PublicLinks;
import org.enquirytriage.publishing.publication.audio.AudioLibrary;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaItems;
import org.springframework.stereotype.Component;

/** The published items for the page, the feeds and the partners; only ever published ones. */
@Component
class PublicItems {

    private final QaItems items;
    private final KnowledgeBase knowledge;
    private final AudioLibrary audio;
    private final PublicLinks links;

    PublicItems(QaItems items, KnowledgeBase knowledge, AudioLibrary audio, PublicLinks links) {
        this.items = items;
        this.knowledge = knowledge;
        this.audio = audio;
        this.links = links;
    }

    /** A page of the knowledge base's search (the newest first without words). */
    Page search(String q, String topic, String series, int page) {
        KnowledgeBase.Result result = knowledge.search(q, topic, series, page);
        return new Page(result.items().stream().map(this::of).toList(), result.total(), result.page(),
                result.pageSize());
    }

    Optional<PublicItem> find(String id) {
        return knowledge.find(id).map(this::of);
    }

    /** The newest published items, of one series when given, published after an instant when given. */
    List<PublicItem> newest(String series, Instant since, int limit) {
        return items.published().stream()
                .filter(item -> series == null || series.equals(item.series()))
                .filter(item -> since == null || item.publishedAt() != null && item.publishedAt().isAfter(since))
                .sorted(Comparator.comparing(QaItem::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(QaItem::id))
                .limit(limit).map(this::of).toList();
    }

    /** The series that have published items, in order of name. */
    List<String> series() {
        return items.published().stream().map(QaItem::series).filter(Objects::nonNull).distinct().sorted().toList();
    }

    private PublicItem of(QaItem item) {
        return PublicItem.of(item, links, audio.length(item.id()).orElse(null));
    }

    /** A page of items and how many match in all. */
    record Page(List<PublicItem> items, int total, int page, int pageSize) {

        public boolean hasNext() {
            return (long) (page + 1) * pageSize < total;
        }
    }
}
