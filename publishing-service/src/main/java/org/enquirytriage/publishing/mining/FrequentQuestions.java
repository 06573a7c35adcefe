package org.enquirytriage.publishing.mining;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The frequent questions: groups every question and report as its case is opened, keeps the groups in MongoDB
 * ({@code group_members}, with a summary per group in {@code question_groups}), rebuilds them at start-up and tells
 * the application ({@link GroupChanged}) when a group grew, so that a hot one becomes a Q&amp;A draft.
 */
@Service
public class FrequentQuestions {

    private static final Logger log = LoggerFactory.getLogger(FrequentQuestions.class);

    private final PublishingProperties properties;
    private final MongoTemplate mongo;
    private final TextFeatures textFeatures;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private QuestionClusterer clusterer;

    FrequentQuestions(PublishingProperties properties, MongoTemplate mongo, TextFeatures textFeatures, Clock clock,
            ApplicationEventPublisher events) {
        this.properties = properties;
        this.mongo = mongo;
        this.textFeatures = textFeatures;
        this.clock = clock;
        this.events = events;
    }

    @PostConstruct
    void restore() {
        clusterer = new QuestionClusterer(properties.mining(), properties.qa().maxQuestionLength(), textFeatures,
                new MongoGroupStore(mongo));
        long started = System.nanoTime();
        clusterer.restore();
        log.info("Rebuilt {} question groups from MongoDB in {} ms", clusterer.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @PreDestroy
    void close() {
        clusterer.close();
    }

    /** Groups a message, unless it was grouped before; a group that grew is saved and announced. */
    public void consider(Message message) {
        clusterer.add(message).ifPresent(assignment -> {
            GroupView group = clusterer.group(assignment.groupId(), clock.instant()).orElseThrow();
            mongo.save(GroupSummary.of(group, clock.instant()));
            log.debug("Case {} {} group {} (similarity {})", message.id(),
                    assignment.created() ? "started" : "joined", group.id(), assignment.similarity());
            events.publishEvent(new GroupChanged(group));
        });
    }

    /** The groups, the most asked this week first; only the hot ones when asked so. */
    public List<GroupView> groups(boolean hotOnly, int limit) {
        return clusterer.top(clock.instant(), hotOnly, limit);
    }

    public Optional<GroupView> group(String groupId) {
        return clusterer.group(groupId, clock.instant());
    }

    /** What is kept of a group for a look at the database; the groups themselves come from their members. */
    @Document("question_groups")
    record GroupSummary(@Id String id, String question, String topic, int messages, int citizens, int today,
            int week, boolean hot, Instant firstAt, Instant lastAt, Instant updatedAt) {

        static GroupSummary of(GroupView group, Instant now) {
            return new GroupSummary(group.id(), group.question(), group.topic(), group.messages(), group.citizens(),
                    group.today(), group.week(), group.hot(), group.firstAt(), group.lastAt(), now);
        }
    }
}
