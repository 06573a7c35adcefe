package org.enquirytriage.intake.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class IntakeMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReceivedEnquiries received = new ReceivedEnquiries(registry);

    @Test
    void shouldCountTheEnquiriesReceivedByChannel() {
        received.stored("portal", 1);
        received.stored("portal", 499);
        received.stored("hotline", 1);

        assertThat(registry.get("intake.enquiries.received").tag("channel", "portal").counter().count())
                .isEqualTo(500);
        assertThat(registry.get("intake.enquiries.received").tag("channel", "hotline").counter().count())
                .isEqualTo(1);
    }

    @Test
    void shouldStartTheAdaptersChannelsAtZero() {
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
}
