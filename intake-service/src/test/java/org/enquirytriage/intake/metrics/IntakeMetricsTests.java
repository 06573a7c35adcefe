package org.enquirytriage.intake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class IntakeMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CloudEventCodec codec = new CloudEventCodec(new ObjectMapper().findAndRegisterModules(),
            "intake-service");
    private final EnquiryMetricsHandler handler = new EnquiryMetricsHandler(codec, registry);

    @Test
    void shouldCountTheEnquiriesReceivedByChannel() {
        handler.handle(consumed(enquiry("portal")));
        handler.handle(consumed(enquiry("portal")));
        handler.handle(consumed(enquiry("hotline")));

        assertThat(registry.get("intake.enquiries.received").tag("channel", "portal").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("intake.enquiries.received").tag("channel", "hotline").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldStartTheAdaptersChannelsAtZeroAndSkipARecordThatIsNoEvent() {
        handler.handle(new ConsumerRecord<>(Topics.ENQUIRY_RECEIVED, 0, 0L, "k", new byte[] { 1, 2, 3 }));

        assertThat(registry.get("intake.enquiries.received").counters()).hasSize(3)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.get("intake.enquiries.received").tag("channel", "open311").counter()).isNotNull();
    }

    @Test
    void shouldReportNoFailedDeliveryBeforeTheFirst() {
        new DeliveryFailureMetrics().bindTo(registry);

        assertThat(registry.get("deliveries_failed").counters()).hasSize(3)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.get("deliveries_failed").tag("channel", "wechat").counter()).isNotNull();
    }

    private static EnquiryReceived enquiry(String channel) {
        String id = UUID.randomUUID().toString();
        return new EnquiryReceived(UUID.randomUUID().toString(), Instant.now(), id, channel, "ext-" + id, "路灯不亮",
                "小区路灯坏了一周了", Instant.now(), null, null, List.of());
    }

    private ConsumerRecord<String, byte[]> consumed(DomainEvent event) {
        ProducerRecord<String, byte[]> sent = codec.toRecord(codec.toOutbox(event));
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return record;
    }
}
