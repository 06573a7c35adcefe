package org.enquirytriage.publishing.mining;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import jakarta.annotation.PostConstruct;

/**
 * The frequent questions: groups every question and report as its case is opened into the groups every instance
 * shares in MongoDB ({@code mining_groups}, {@code mining_members}; see {@link GroupStore}) and tells the
 * application ({@link GroupChanged}) when a group grew, so that a hot one becomes a Q&amp;A draft.
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
        clusterer = new QuestionClusterer(properties.mining(), textFeatures, new MongoGroupStore(mongo));
        long started = System.nanoTime();
        clusterer.seed();
        log.info("Seeded the term statistics from MongoDB in {} ms ({} question groups there)",
                (System.nanoTime() - started) / 1_000_000, clusterer.size());
    }

    /** Groups a message, unless it was grouped before; a group that grew is saved and announced. */
    public void consider(Message message) {
        clusterer.add(message).ifPresent(assignment -> {
            GroupView group = clusterer.group(assignment.groupId(), clock.instant()).orElseThrow();
            log.debug("Case {} {} group {} (similarity {})", message.id(),
                    assignment.created() ? "started" : "joined", group.id(), assignment.similarity());
            events.publishEvent(new MessageGrouped(message, group.id(), group.question()));
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
}
