package org.enquirytriage.intake.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the enquiries intake accepted, by channel ({@code intake_enquiries_received_total{channel}}), as they are
 * stored: each accepted enquiry once (a repeat of a message is not counted), whichever endpoint took it. Every
 * instance counts what it stored, and the dashboards sum over the instances. (Until 2026-12 a consumer read every
 * {@code enquiry-received} event back from Kafka and parsed its JSON only to count it.) The channels of intake's own
 * adapters start at zero, so that their first enquiry after a start shows as an increase; a channel with an API key
 * of its own appears with its first enquiry.
 */
@Component
public class ReceivedEnquiries {

    /** The channels of intake's adapters (hotline work orders, Open311, the WeChat callback). */
    static final List<String> ADAPTER_CHANNELS = List.of("hotline", "open311", "wechat");

    private final MeterRegistry registry;
    private final Map<String, Counter> byChannel = new ConcurrentHashMap<>();

    public ReceivedEnquiries(MeterRegistry registry) {
        this.registry = registry;
        ADAPTER_CHANNELS.forEach(this::counter);
    }

    /** Counts enquiries of a channel just stored. */
    public void stored(String channel, int enquiries) {
        counter(channel).increment(enquiries);
    }

    private Counter counter(String channel) {
        return byChannel.computeIfAbsent(channel, name -> Counter.builder("intake.enquiries.received")
                .description("Enquiries accepted from the channels (repeats of a message not counted)")
                .tag("channel", name).register(registry));
    }
}
