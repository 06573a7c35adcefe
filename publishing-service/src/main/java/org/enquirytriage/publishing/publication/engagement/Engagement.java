package org.enquirytriage.publishing.publication.engagement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.enquirytriage.events.QaEngagementSampled;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaItems;
import org.enquirytriage.publishing.qa.QaStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;

/**
 * The engagement samples of the published items in {@code engagement_samples}: recorded once per outlet and sample
 * time with their {@code QaEngagementSampled} in the same write (outbox), the figures of an item (the latest sample
 * of each outlet, added up), its time series, and the totals over every item as Prometheus gauges
 * ({@code publication_engagement_figures{measure}}; every instance reports the same totals, so aggregate them with
 * {@code max}, not {@code sum}).
 */
@Service
public class Engagement {

    /** How far ahead of this service's clock an outlet's sample time may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final QaItems items;
    private final CloudEventCodec codec;
    private final OutboxRelay relay;
    private final Clock clock;
    private final AtomicReference<Figures> totals = new AtomicReference<>(Figures.NONE);

    Engagement(MongoTemplate mongo, QaItems items, CloudEventCodec codec, OutboxRelay relay, Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.items = items;
        this.codec = codec;
        this.relay = relay;
        this.clock = clock;
        gauge(meters, "reads", Figures::reads);
        gauge(meters, "shares", Figures::shares);
        gauge(meters, "likes", Figures::likes);
        gauge(meters, "comments", Figures::comments);
    }

    @PostConstruct
    void start() {
        mongo.indexOps(EngagementSample.class).createIndex(new Index().on("qaId", Sort.Direction.ASC)
                .on("sampledAt", Sort.Direction.ASC).named("item_time"));
        refreshTotals();
    }

    /** The outcome of recording a sample. */
    public enum Outcome {
        RECORDED, ALREADY_RECORDED, CONFLICTING
    }

    /**
     * Records one outlet's figures for an item at a sample time, once: the same sample again changes nothing, a
     * different one for the same outlet and time is refused.
     *
     * @throws IllegalArgumentException when the item is not published or the time is before its publication or in
     *         the future
     */
    public Outcome record(String qaId, String outlet, Instant sampledAt, Figures figures) {
        QaItem item = items.find(qaId).filter(found -> found.status() == QaStatus.PUBLISHED
                || found.status() == QaStatus.RETIRED).orElseThrow(() -> new IllegalArgumentException(
                        "qaId: no published item " + qaId));
        if (item.publishedAt() != null && sampledAt.isBefore(item.publishedAt())) {
            throw new IllegalArgumentException("sampledAt: " + sampledAt + " is before the item was published ("
                    + item.publishedAt() + ")");
        }
        Instant now = clock.instant();
        if (sampledAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new IllegalArgumentException("sampledAt: " + sampledAt + " is in the future");
        }
        String id = EngagementSample.key(qaId, outlet, sampledAt);
        EngagementSample sample = new EngagementSample(id, qaId, outlet, sampledAt, figures, now, List.of());
        sample.outbox().add(codec.toOutbox(new QaEngagementSampled(UUID.randomUUID().toString(), now, qaId, outlet,
                sampledAt, figures.reads(), figures.shares(), figures.likes(), figures.comments())));
        try {
            mongo.insert(sample);
        }
        catch (DuplicateKeyException recordedAlready) {
            EngagementSample existing = mongo.findById(id, EngagementSample.class);
            return existing != null && figures.equals(existing.figures()) ? Outcome.ALREADY_RECORDED
                    : Outcome.CONFLICTING;
        }
        relay.relay(EngagementSample.COLLECTION, id);
        refreshTotals();
        return Outcome.RECORDED;
    }

    /** An item's figures now: the latest sample of each outlet, added up. */
    public Figures figures(String qaId) {
        return latestByOutlet(samples(qaId)).values().stream().map(EngagementSample::figures)
                .reduce(Figures.NONE, Figures::plus);
    }

    /** The figures of many items at once. */
    public Map<String, Figures> figures(List<String> qaIds) {
        List<EngagementSample> all = mongo.find(new Query(Criteria.where("qaId").in(qaIds))
                .with(Sort.by("sampledAt")), EngagementSample.class);
        Map<String, Map<String, EngagementSample>> latest = new HashMap<>();
        for (EngagementSample sample : all) {
            latest.computeIfAbsent(sample.qaId(), id -> new HashMap<>()).put(sample.outlet(), sample);
        }
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (String qaId : qaIds) {
            figures.put(qaId, latest.getOrDefault(qaId, Map.of()).values().stream()
                    .map(EngagementSample::figures).reduce(Figures.NONE, Figures::plus));
        }
        return figures;
    }

    /** An item's samples in time order: its time series, per outlet. */
    public List<Point> series(String qaId) {
        return samples(qaId).stream().map(sample -> new Point(sample.outlet(), sample.sampledAt(), sample.figures()))
                .toList();
    }

    /** The figures of every item, added up (as the gauges report them). */
    public Figures totals() {
        return totals.get();
    }

    /** Follows the samples other instances recorded. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void refreshTotals() {
        List<EngagementSample> all = mongo.find(new Query().with(Sort.by("sampledAt")), EngagementSample.class);
        Map<String, EngagementSample> latest = new HashMap<>();
        all.forEach(sample -> latest.put(sample.qaId() + "\n" + sample.outlet(), sample));
        totals.set(latest.values().stream().map(EngagementSample::figures).reduce(Figures.NONE, Figures::plus));
    }

    private List<EngagementSample> samples(String qaId) {
        return mongo.find(new Query(Criteria.where("qaId").is(qaId)).with(Sort.by("sampledAt", "outlet")),
                EngagementSample.class);
    }

    private static Map<String, EngagementSample> latestByOutlet(List<EngagementSample> samples) {
        Map<String, EngagementSample> latest = new LinkedHashMap<>();
        samples.stream().sorted(Comparator.comparing(EngagementSample::sampledAt))
                .forEach(sample -> latest.put(sample.outlet(), sample));
        return latest;
    }

    private void gauge(MeterRegistry meters, String measure, java.util.function.ToLongFunction<Figures> value) {
        Gauge.builder("publication.engagement.figures", totals, figures -> value.applyAsLong(figures.get()))
                .description("Reads, shares, likes and comments of every published item, as the outlets last "
                        + "reported them (the same on every instance: aggregate with max)")
                .tag("measure", measure).register(meters);
    }

    /** One sample of the time series. */
    public record Point(String outlet, Instant sampledAt, Figures figures) {
    }
}
