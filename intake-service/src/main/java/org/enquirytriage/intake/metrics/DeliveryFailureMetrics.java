package org.enquirytriage.intake.metrics;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Registers the counter of failed reply deliveries ({@code deliveries_failed_total{channel}}, counted by
 * {@code delivery.Replies}) at zero for every channel intake delivers answers to, so that the pipeline dashboard
 * and its alert see 0 before the first failure instead of no series at all. The name, description and tags must
 * stay those of {@code Replies}.
 */
@Component
class DeliveryFailureMetrics implements MeterBinder {

    /** The channels whose answers intake delivers (see {@code Replies}): the others read the status themselves. */
    static final List<String> DELIVERING_CHANNELS = List.of("hotline", "open311", "wechat");

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String channel : DELIVERING_CHANNELS) {
            Counter.builder("deliveries_failed")
                    .description("Answers whose delivery to the citizen failed every attempt")
                    .tag("channel", channel).register(registry);
        }
    }
}
