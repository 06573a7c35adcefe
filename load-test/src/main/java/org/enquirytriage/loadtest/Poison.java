package org.enquirytriage.loadtest;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.enquirytriage.events.EventType;
import org.enquirytriage.events.Topics;

/**
 * Puts two poison records on {@code enquiry-received} part-way through the run: one that is no CloudEvent at all and
 * one that claims to be an {@code EnquiryReceived} but carries no JSON. Each must land on
 * {@code enquiry-received-dlt}, and its partition must go on: triage-service commits past it and the enquiries
 * after it on that partition become cases.
 */
final class Poison implements Fault {

    static final String TRIAGE_GROUP = "triage-service";

    private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final PrintStream out;
    private final CaseWatcher watcher;
    private final String keyPrefix = "poison-" + UUID.randomUUID() + "-";
    private final Map<String, RecordMetadata> poisoned = new HashMap<>();
    private Map<TopicPartition, Long> deadLetterStart = Map.of();

    Poison(String bootstrapServers, PrintStream out, CaseWatcher watcher) {
        this.bootstrapServers = bootstrapServers;
        this.out = out;
        this.watcher = watcher;
    }

    @Override
    public void prepare() {
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(bootstrapServers, "load-test-poison")) {
            List<TopicPartition> partitions = partitions(consumer, Topics.deadLetter(Topics.ENQUIRY_RECEIVED));
            deadLetterStart = consumer.endOffsets(partitions);
        }
    }

    @Override
    public void inject() {
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(bootstrapServers, "load-test-poison")) {
            send(producer, keyPrefix + "not-a-cloudevent", "this is not an event".getBytes(StandardCharsets.UTF_8),
                    new RecordHeaders());
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_specversion", bytes("1.0"));
            headers.add(CaseWatcher.CE_ID, bytes(UUID.randomUUID().toString()));
            headers.add("ce_source", bytes("load-test"));
            headers.add(CaseWatcher.CE_TYPE, bytes(EventType.ENQUIRY_RECEIVED.cloudEventType()));
            headers.add("ce_time", bytes(Instant.now().toString()));
            headers.add("content-type", bytes("application/json"));
            send(producer, keyPrefix + "not-json", bytes("{\"enquiryId\": "), headers);
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, String key, byte[] value, RecordHeaders headers) {
        try {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(Topics.ENQUIRY_RECEIVED, null, key, value,
                    headers)).get();
            synchronized (poisoned) {
                poisoned.put(key, metadata);
            }
            out.printf("fault: poison record %s at %s-%d@%d%n", key, metadata.topic(), metadata.partition(),
                    metadata.offset());
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Cannot produce the poison record " + key, e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public List<String> check(Set<String> accepted) {
        Map<String, RecordMetadata> records;
        synchronized (poisoned) {
            records = Map.copyOf(poisoned);
        }
        if (records.size() < 2) {
            return List.of("poison: the poison records were not produced");
        }
        List<String> failures = new ArrayList<>();
        Set<String> deadLettered = deadLettered(records.keySet());
        for (var poison : records.entrySet()) {
            RecordMetadata at = poison.getValue();
            if (!deadLettered.contains(poison.getKey())) {
                failures.add("poison: " + poison.getKey() + " is not on " + Topics.deadLetter(at.topic()) + " after "
                        + DEAD_LETTER_TIMEOUT.toSeconds() + " s");
            }
            failures.addAll(partitionWentOn(poison.getKey(), at, accepted));
        }
        out.printf("poison: %d of %d poison records on %s%n", deadLettered.size(), records.size(),
                Topics.deadLetter(Topics.ENQUIRY_RECEIVED));
        return failures;
    }

    /** Reads the dead-letter topic from where it ended before the run until every poison key is there. */
    private Set<String> deadLettered(Set<String> keys) {
        Set<String> found = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(bootstrapServers, "load-test-poison")) {
            consumer.assign(deadLetterStart.keySet());
            deadLetterStart.forEach(consumer::seek);
            long deadline = System.nanoTime() + DEAD_LETTER_TIMEOUT.toNanos();
            while (!found.containsAll(keys) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.add(record.key());
                    }
                }
            }
        }
        return found;
    }

    /**
     * The partition went on past the poison: triage-service committed an offset beyond it, and the accepted
     * enquiries after it on that partition became cases.
     */
    private List<String> partitionWentOn(String key, RecordMetadata at, Set<String> accepted) {
        TopicPartition partition = new TopicPartition(at.topic(), at.partition());
        long committed = committedOffset(partition);
        long after = 0;
        long afterAndCase = 0;
        for (String enquiryId : accepted) {
            CaseWatcher.Position position = watcher.receivedAt().get(enquiryId);
            if (position != null && position.partition() == at.partition() && position.offset() > at.offset()) {
                after++;
                if (watcher.arrivals().containsKey(enquiryId)) {
                    afterAndCase++;
                }
            }
        }
        out.printf("poison: %s: %s committed offset %d on %s (poison at %d); %d of %d accepted enquiries after it "
                + "on that partition became cases%n", key, TRIAGE_GROUP, committed, partition, at.offset(),
                afterAndCase, after);
        List<String> failures = new ArrayList<>();
        if (committed <= at.offset()) {
            failures.add("poison: " + TRIAGE_GROUP + " did not commit past the poison on " + partition
                    + " (committed " + committed + ", poison at " + at.offset() + ")");
        }
        if (afterAndCase < after) {
            failures.add("poison: " + (after - afterAndCase) + " enquiries after the poison on " + partition
                    + " did not become cases");
        }
        return failures;
    }

    private long committedOffset(TopicPartition partition) {
        try (Admin admin = KafkaClients.admin(bootstrapServers)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(TRIAGE_GROUP)
                    .partitionsToOffsetAndMetadata().get().get(partition);
            return committed == null ? -1 : committed.offset();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of " + TRIAGE_GROUP, e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
