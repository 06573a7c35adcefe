package org.enquirytriage.publishing.knowledge;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.QaEvent;
import org.enquirytriage.events.QaPublished;
import org.enquirytriage.events.QaRetired;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.UndecodableEventException;
import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.mining.TextFeatures;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaItemChanged;
import org.enquirytriage.publishing.qa.QaItems;
import org.enquirytriage.publishing.qa.QaStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The knowledge base: every published item, searchable by keyword (Chinese), topic and series, and the source of
 * answer suggestions. The index is rebuilt from MongoDB at start-up and follows every publication and retirement:
 * at once for this instance's own, and from {@code qa-events} for those of other instances (each instance reads the
 * topic in a consumer group of its own), a poll at a time. Whatever the event says, the item's state in MongoDB
 * decides.
 */
@Service
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);
    private static final int SUGGESTION_CANDIDATES = 30;

    private final QaItems items;
    private final CloudEventCodec codec;
    private final PublishingProperties.Knowledge settings;
    private final KnowledgeIndex index;

    KnowledgeBase(QaItems items, CloudEventCodec codec, TextFeatures textFeatures,
            PublishingProperties properties) {
        this.items = items;
        this.codec = codec;
        this.settings = properties.knowledge();
        this.index = new KnowledgeIndex(textFeatures);
    }

    @PostConstruct
    void rebuild() {
        List<QaItem> published = items.published();
        index.update(published.stream().map(KnowledgeBase::entry).toList(), List.of());
        log.info("Rebuilt the knowledge base from MongoDB: {} published items", published.size());
    }

    @PreDestroy
    void close() {
        index.close();
    }

    @EventListener
    void on(QaItemChanged changed) {
        if (changed.status() == QaStatus.PUBLISHED || changed.status() == QaStatus.RETIRED) {
            refresh(List.of(changed.id()));
        }
    }

    /**
     * Follows the publications and retirements of a poll of {@code qa-events} with one look-up and one index update;
     * the other events (drafts, approvals, engagement samples) change nothing that is published. A record that is no
     * readable event is named to the error handler once those before it are indexed.
     */
    @KafkaListener(topics = Topics.QA_EVENTS, groupId = "publishing-knowledge-#{T(java.util.UUID).randomUUID()}",
            batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> changed = new LinkedHashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<QaEvent> event;
            try {
                event = codec.decode(record, QaEvent.class);
            }
            catch (UndecodableEventException e) {
                refresh(changed);
                throw new BatchListenerFailedException(e.getMessage(), e, record);
            }
            event.filter(KnowledgeBase::changesWhatIsPublished).ifPresent(changes -> changed.add(changes.qaId()));
        }
        refresh(changed);
    }

    private static boolean changesWhatIsPublished(QaEvent event) {
        return event instanceof QaPublished || event instanceof QaRetired;
    }

    /** Indexes those of some items that are published and removes the others. */
    void refresh(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<String, QaItem> published = published(List.copyOf(ids));
        index.update(published.values().stream().map(KnowledgeBase::entry).toList(),
                ids.stream().filter(id -> !published.containsKey(id)).toList());
    }

    private static KnowledgeIndex.Entry entry(QaItem item) {
        return new KnowledgeIndex.Entry(item.id(), text(item), item.topic(), item.series(),
                item.publishedAt() == null ? 0 : item.publishedAt().toEpochMilli());
    }

    private static String text(QaItem item) {
        return item.question() + "。" + Objects.toString(item.answer(), "");
    }

    /** A page of published items matching the keywords (the newest when there are none), topic and series. */
    public Result search(String text, String topic, String series, int page) {
        KnowledgeIndex.Page found = index.search(text, topic, series, page, settings.pageSize());
        Map<String, QaItem> byId = published(found.hits().stream().map(KnowledgeIndex.Hit::id).toList());
        List<QaItem> hits = found.hits().stream().map(hit -> byId.get(hit.id())).filter(Objects::nonNull).toList();
        return new Result(hits, found.total(), page, settings.pageSize());
    }

    /** The published items most similar to a text, with their scores (0–1), the best first. */
    public List<Suggestion> suggest(String text, int limit) {
        List<String> candidates = index.candidates(text, SUGGESTION_CANDIDATES);
        Map<String, QaItem> byId = published(candidates);
        Map<String, String> texts = byId.values().stream()
                .collect(Collectors.toMap(QaItem::id, KnowledgeBase::text));
        return index.suggest(text, texts, SUGGESTION_CANDIDATES).stream()
                .filter(hit -> hit.score() >= settings.minSuggestionScore() && byId.containsKey(hit.id()))
                .limit(limit).map(hit -> new Suggestion(byId.get(hit.id()), hit.score())).toList();
    }

    public Optional<QaItem> find(String id) {
        return items.find(id).filter(item -> item.status() == QaStatus.PUBLISHED);
    }

    private Map<String, QaItem> published(List<String> ids) {
        return items.byIds(ids).stream().filter(item -> item.status() == QaStatus.PUBLISHED)
                .collect(Collectors.toMap(QaItem::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** A page of items and how many match in all. */
    public record Result(List<QaItem> items, int total, int page, int pageSize) {
    }

    /** A suggested item and how similar it is to the text. */
    public record Suggestion(QaItem item, double score) {
    }
}
