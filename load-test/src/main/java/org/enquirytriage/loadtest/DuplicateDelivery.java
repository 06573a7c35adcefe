package org.enquirytriage.loadtest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.enquirytriage.events.Topics;

/**
 * Delivers every event on {@code enquiry-received} twice: each record read from the topic (from its end when the
 * run starts) is produced again to the same partition with the same key, headers and value, once per event id,
 * so that triage-service sees each {@code EnquiryReceived} a second time.
 */
final class DuplicateDelivery implements Fault {

    private final String bootstrapServers;
    private final PrintStream out;
    private final Set<String> seenEventIds = ConcurrentHashMap.newKeySet();
    private final Set<String> deliveredAgain = ConcurrentHashMap.newKeySet();
    private final AtomicLong sendFailures = new AtomicLong();
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private PollLoop loop;

    DuplicateDelivery(String bootstrapServers, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
    }

    @Override
    public void prepare() {
        consumer = KafkaClients.consumer(bootstrapServers, "load-test-duplicate-delivery");
        producer = KafkaClients.producer(bootstrapServers, "load-test-duplicate-delivery");
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ENQUIRY_RECEIVED).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        loop = new PollLoop(consumer, this::redeliver, producer::flush);
        loop.start("load-test-duplicate-delivery");
    }

    private void redeliver(ConsumerRecords<String, byte[]> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            String eventId = CaseWatcher.header(record, CaseWatcher.CE_ID);
            if (eventId == null || !seenEventIds.add(eventId)) {
                continue;
            }
            producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(),
                    record.headers()), (metadata, error) -> {
                        if (error == null) {
                            deliveredAgain.add(String.valueOf(record.key()));
                        }
                        else {
                            sendFailures.incrementAndGet();
                        }
                    });
        }
    }

    /** Every accepted enquiry's event must have been delivered a second time. */
    @Override
    public List<String> check(Set<String> accepted) {
        loop.stop();
        long missing = accepted.stream().filter(id -> !deliveredAgain.contains(id)).count();
        out.printf("duplicate-delivery: %d events delivered a second time (%d sends failed)%n", deliveredAgain.size(),
                sendFailures.get());
        if (loop.failure() != null) {
            return List.of("duplicate-delivery stopped redelivering: " + loop.failure());
        }
        return missing == 0 ? List.of() : List.of("duplicate-delivery: " + missing
                + " accepted enquiries were not delivered a second time");
    }

    @Override
    public void close() {
        if (loop != null) {
            loop.stop();
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
            producer.close(Duration.ofSeconds(5));
        }
    }
}
