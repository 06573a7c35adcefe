package org.enquirytriage.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.outbox.OutboxBacklog;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MessagingMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void shouldReportTheBacklogOfEveryRelayedCollection() {
        new MessagingMetrics(List.of("enquiries", "cases"),
                collection -> collection.equals("cases") ? new OutboxBacklog(3, Duration.ofSeconds(90))
                        : new OutboxBacklog(0, Duration.ZERO),
                Duration.ofSeconds(5), Clock.systemUTC()).bindTo(registry);

        assertThat(registry.get("outbox_events").tag("collection", "cases").gauge().value()).isEqualTo(3);
        assertThat(registry.get("outbox_oldest_age_seconds").tag("collection", "cases").gauge().value())
                .isEqualTo(90);
        assertThat(registry.get("outbox_events").tag("collection", "enquiries").gauge().value()).isZero();
    }

    @Test
    void shouldReadTheBacklogOnceForBothGaugesOfAScrape() {
        AtomicInteger reads = new AtomicInteger();
        Clock frozen = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);
        new MessagingMetrics(List.of("cases"), collection -> {
            reads.incrementAndGet();
            return new OutboxBacklog(1, Duration.ofSeconds(1));
        }, Duration.ofSeconds(5), frozen).bindTo(registry);

        registry.get("outbox_events").gauge().value();
        registry.get("outbox_oldest_age_seconds").gauge().value();

        assertThat(reads).hasValue(1);
    }

    @Test
    void shouldReportNotANumberWhileTheBacklogCannotBeRead() {
        new MessagingMetrics(List.of("cases"), collection -> {
            throw new IllegalStateException("MongoDB is down");
        }, Duration.ofSeconds(5), Clock.systemUTC()).bindTo(registry);

        assertThat(registry.get("outbox_events").gauge().value()).isNaN();
    }

    @Test
    void shouldCountDeadLetteredRecordsByTopicStartingAtZero() {
        new MessagingMetrics(List.of(), collection -> null, Duration.ZERO, Clock.systemUTC()).bindTo(registry);
        assertThat(registry.get("messaging.dead.lettered").tag("topic", Topics.CASE_EVENTS).counter().count())
                .isZero();

        TopicPartition destination = new DeadLetterDestination(registry)
                .apply(new ConsumerRecord<>(Topics.CASE_EVENTS, 2, 41L, "case-1", new byte[0]),
                        new IllegalArgumentException("cannot be handled"));

        assertThat(destination).isEqualTo(new TopicPartition("case-events-dlt", -1));
        assertThat(registry.get("messaging.dead.lettered").tag("topic", Topics.CASE_EVENTS).counter().count())
                .isEqualTo(1);
        assertThat(registry.get("messaging.dead.lettered").tag("topic", Topics.QA_EVENTS).counter().count())
                .isZero();
    }
}
