package org.enquirytriage.publishing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.QaApproved;
import org.enquirytriage.events.QaPublished;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class QaEventMetricsHandlerTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CloudEventCodec codec = new CloudEventCodec(new ObjectMapper().findAndRegisterModules(),
            "publishing-service");
    private final QaEventMetricsHandler handler = new QaEventMetricsHandler(codec, registry);

    @Test
    void shouldCountTheItemsThroughTheWorkflowFromZero() {
        assertThat(registry.get("publishing.qa.events").counters()).hasSize(4)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());

        handler.handle(consumed(new QaApproved(UUID.randomUUID().toString(), Instant.now(), "qa-1", "editor-1")));
        handler.handle(consumed(new QaPublished(UUID.randomUUID().toString(), Instant.now(), "qa-1", "post-1",
                null, "灵活就业人员怎么参保？", "持身份证到社保经办机构办理。", "劳动和社会保障")));

        assertThat(registry.get("publishing.qa.events").tag("event", "published").counter().count()).isEqualTo(1);
        assertThat(registry.get("publishing.qa.events").tag("event", "approved").counter().count()).isEqualTo(1);
        assertThat(registry.get("publishing.qa.events").tag("event", "drafted").counter().count()).isZero();
    }

    @Test
    void shouldSkipARecordThatIsNoEvent() {
        handler.handle(new ConsumerRecord<>(Topics.QA_EVENTS, 0, 0L, "k", new byte[] { 7 }));

        assertThat(registry.get("publishing.qa.events").counters())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
    }

    private ConsumerRecord<String, byte[]> consumed(DomainEvent event) {
        ProducerRecord<String, byte[]> sent = codec.toRecord(codec.toOutbox(event));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return record;
    }
}
