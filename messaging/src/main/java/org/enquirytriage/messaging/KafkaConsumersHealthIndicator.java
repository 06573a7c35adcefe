package org.enquirytriage.messaging;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Out of service until every listener container that starts by itself holds partitions of its topics, so that a
 * service reports ready ({@code /actuator/health/readiness}, and {@code /actuator/health}, which
 * {@code scripts/run-local} waits for) only once it consumes. Once they all held partitions it stays up: a later
 * rebalance (another instance joining) is no reason to take the service out of the load balancer.
 */
public class KafkaConsumersHealthIndicator extends AbstractHealthIndicator {

    private final Supplier<Collection<MessageListenerContainer>> containers;
    private volatile boolean joined;

    public KafkaConsumersHealthIndicator(Supplier<Collection<MessageListenerContainer>> containers) {
        super("Kafka consumers health check failed");
        this.containers = containers;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Object> partitions = new LinkedHashMap<>();
        boolean all = true;
        for (MessageListenerContainer container : containers.get()) {
            if (!container.isAutoStartup()) {
                continue;
            }
            Collection<TopicPartition> assigned = container.isRunning() ? container.getAssignedPartitions() : null;
            int held = assigned == null ? 0 : assigned.size();
            partitions.put(container.getListenerId(), held);
            all &= held > 0;
        }
        if (all) {
            joined = true;
        }
        builder.status(joined ? Status.UP : Status.OUT_OF_SERVICE).withDetail("partitions", partitions);
    }
}
