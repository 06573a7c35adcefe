package org.enquirytriage.messaging;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.enquirytriage.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where a record that failed every attempt goes: the dead-letter twin of its topic (the partition left to the
 * producer). Each one is logged and counted in {@code messaging_dead_lettered_total{topic}}.
 */
class DeadLetterDestination implements BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDestination.class);

    private final MeterRegistry meters;

    DeadLetterDestination(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public TopicPartition apply(ConsumerRecord<?, ?> record, Exception error) {
        log.warn("Sending {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                Topics.deadLetter(record.topic()), error.getMessage());
        counter(meters, record.topic()).increment();
        return new TopicPartition(Topics.deadLetter(record.topic()), -1);
    }

    static Counter counter(MeterRegistry registry, String topic) {
        return Counter.builder(MessagingMetrics.DEAD_LETTERED).description(MessagingMetrics.DEAD_LETTERED_DESCRIPTION)
                .tag("topic", topic).register(registry);
    }
}
