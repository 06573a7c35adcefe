package org.enquirytriage.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.outbox.OutboxBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The messaging metrics of every service: for each relayed collection {@code outbox_events} (events waiting) and
 * {@code outbox_oldest_age_seconds} (how long the oldest has waited), and {@code messaging_dead_lettered_total} for
 * each topic, registered at zero so that a dashboard shows 0 rather than nothing before the first dead letter. The
 * backlog is an aggregation over the collection, so its result is kept for a few seconds and both gauges of one
 * scrape read it once.
 */
public class MessagingMetrics implements MeterBinder {

    static final String DEAD_LETTERED = "messaging.dead.lettered";
    static final String DEAD_LETTERED_DESCRIPTION = "Records sent to the dead-letter topic after failing every attempt";

    private static final Logger log = LoggerFactory.getLogger(MessagingMetrics.class);

    private final List<CachedBacklog> backlogs;

    /**
     * @param collections the relayed collections
     * @param backlog what waits in a collection's outbox
     * @param cacheFor how long a backlog that was read is reported before it is read again
     */
    public MessagingMetrics(Collection<String> collections, Function<String, OutboxBacklog> backlog,
            Duration cacheFor, Clock clock) {
        this.backlogs = collections.stream().sorted()
                .map(collection -> new CachedBacklog(collection, backlog, cacheFor, clock)).toList();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (CachedBacklog backlog : backlogs) {
            gauge(registry, "outbox_events", "Events waiting in the outbox to be sent to Kafka", backlog,
                    b -> b.events());
            gauge(registry, "outbox_oldest_age_seconds", "How long the oldest event in the outbox has waited",
                    backlog, b -> b.oldestAge().toMillis() / 1000.0);
        }
        for (String topic : Topics.ALL) {
            DeadLetterDestination.counter(registry, topic);
        }
    }

    private static void gauge(MeterRegistry registry, String name, String description, CachedBacklog backlog,
            ToDoubleFunction<OutboxBacklog> value) {
        Gauge.builder(name, backlog, b -> b.read(value)).description(description)
                .tag("collection", backlog.collection).strongReference(true).register(registry);
    }

    /** A collection's backlog, read at most once in a while; {@code NaN} while it cannot be read. */
    private static final class CachedBacklog {

        private final String collection;
        private final Function<String, OutboxBacklog> source;
        private final Duration cacheFor;
        private final Clock clock;
        private OutboxBacklog value;
        private Instant readAt = Instant.MIN;

        CachedBacklog(String collection, Function<String, OutboxBacklog> source, Duration cacheFor, Clock clock) {
            this.collection = collection;
            this.source = source;
            this.cacheFor = cacheFor;
            this.clock = clock;
        }

        synchronized double read(ToDoubleFunction<OutboxBacklog> figure) {
            Instant now = clock.instant();
            if (value == null || !now.isBefore(readAt.plus(cacheFor))) {
                try {
                    value = source.apply(collection);
                    readAt = now;
                }
                catch (RuntimeException e) {
                    log.debug("The outbox backlog of {} cannot be read: {}", collection, e.toString());
                    value = null;
                    return Double.NaN;
                }
            }
            return figure.applyAsDouble(value);
        }
    }
}
