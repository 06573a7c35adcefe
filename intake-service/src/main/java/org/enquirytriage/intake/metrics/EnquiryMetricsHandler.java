package org.enquirytriage.intake.metrics;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.EnquiryReceived;
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
 * Counts the enquiries intake accepted, by channel ({@code intake_enquiries_received_total{channel}}), from the
 * {@code enquiry-received} events it published: each accepted enquiry once (a repeat of a message publishes no
 * event), whichever endpoint took it. The channels of intake's own adapters start at zero, so that their first
 * enquiry after a start shows as an increase; a channel with an API key of its own appears with its first enquiry.
 * The consumer group is its own and shared by every instance, so every event is counted once (an event delivered
 * twice, rarely, twice); a new group starts at the end of the topic, so history before the metrics is not counted.
 */
@Component
class EnquiryMetricsHandler {

    /** The consumer group, and the listener's id. */
    static final String GROUP = "intake-service-metrics";

    /** The channels of intake's adapters (hotline work orders, Open311, the WeChat callback). */
    static final List<String> ADAPTER_CHANNELS = List.of("hotline", "open311", "wechat");

    private static final Logger log = LoggerFactory.getLogger(EnquiryMetricsHandler.class);

    private final CloudEventCodec codec;
    private final MeterRegistry registry;

    EnquiryMetricsHandler(CloudEventCodec codec, MeterRegistry registry) {
        this.codec = codec;
        this.registry = registry;
        ADAPTER_CHANNELS.forEach(this::received);
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.ENQUIRY_RECEIVED,
            properties = "auto.offset.reset=latest")
    void handle(ConsumerRecord<String, byte[]> record) {
        try {
            codec.decode(record, EnquiryReceived.class).ifPresent(enquiry -> received(enquiry.channel()).increment());
        }
        catch (UndecodableEventException e) {
            log.debug("Record {}-{}@{} is no event the metrics can read: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private Counter received(String channel) {
        return Counter.builder("intake.enquiries.received")
                .description("Enquiries accepted from the channels (repeats of a message not counted)")
                .tag("channel", channel).register(registry);
    }
}
