package org.enquirytriage.publishing.metrics;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.QaApproved;
import org.enquirytriage.events.QaDrafted;
import org.enquirytriage.events.QaPublished;
import org.enquirytriage.events.QaRetired;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.UndecodableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the Q&amp;A items through the editorial workflow from their events on {@code qa-events}:
 * {@code publishing_qa_events_total{event}} with {@code drafted}, {@code approved}, {@code published} and
 * {@code retired}, each registered at zero. The consumer group is its own and shared by every instance, so each
 * event is counted once (an event delivered twice, rarely, twice); a new group starts at the end of the topic.
 */
@Component
class QaEventMetricsHandler {

    /** The consumer group, and the listener's id. */
    static final String GROUP = "publishing-service-metrics";

    private static final Logger log = LoggerFactory.getLogger(QaEventMetricsHandler.class);

    private final CloudEventCodec codec;
    private final Map<Class<? extends DomainEvent>, Counter> counters;

    QaEventMetricsHandler(CloudEventCodec codec, MeterRegistry registry) {
        this.codec = codec;
        this.counters = Map.of(QaDrafted.class, counter(registry, "drafted"), QaApproved.class,
                counter(registry, "approved"), QaPublished.class, counter(registry, "published"), QaRetired.class,
                counter(registry, "retired"));
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.QA_EVENTS, properties = "auto.offset.reset=latest")
    void handle(ConsumerRecord<String, byte[]> record) {
        try {
            codec.decode(record).map(event -> counters.get(event.getClass())).ifPresent(Counter::increment);
        }
        catch (UndecodableEventException e) {
            log.debug("Record {}-{}@{} is no event the metrics can read: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private static Counter counter(MeterRegistry registry, String event) {
        return Counter.builder("publishing.qa.events")
                .description("Q&A items drafted, approved, published and retired in the editorial workflow")
                .tag("event", event).register(registry);
    }
}
