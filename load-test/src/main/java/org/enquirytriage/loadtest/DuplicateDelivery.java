package org.enquirytriage.loadtest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
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
    private final CountDownLatch stopped = new CountDownLatch(1);
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean closing;
    private volatile RuntimeException failure;

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
        Thread thread = new Thread(this::redeliver, "load-test-duplicate-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    private void redeliver() {
        try {
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String eventId = CaseWatcher.header(record, CaseWatcher.CE_ID);
                    if (eventId == null || !seenEventIds.add(eventId)) {
                        continue;
                    }
                    producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                            record.value(), record.headers()), (metadata, error) -> {
                                if (error == null) {
                                    deliveredAgain.add(String.valueOf(record.key()));
                                }
                                else {
                                    sendFailures.incrementAndGet();
                                }
                            });
                }
            }
        }
        catch (WakeupException e) {
            if (!closing) {
                failure = e;
            }
        }
        catch (RuntimeException e) {
            failure = e;
        }
        finally {
            producer.flush();
            stopped.countDown();
        }
    }

    /** Every accepted enquiry's event must have been delivered a second time. */
    @Override
    public List<String> check(Set<String> accepted) {
        stop();
        long missing = accepted.stream().filter(id -> !deliveredAgain.contains(id)).count();
        out.printf("duplicate-delivery: %d events delivered a second time (%d sends failed)%n", deliveredAgain.size(),
                sendFailures.get());
        if (failure != null) {
            return List.of("duplicate-delivery stopped redelivering: " + failure);
        }
        return missing == 0 ? List.of() : List.of("duplicate-delivery: " + missing
                + " accepted enquiries were not delivered a second time");
    }

    private void stop() {
        if (consumer == null || closing) {
            return;
        }
        closing = true;
        consumer.wakeup();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(5));
            producer.close(Duration.ofSeconds(5));
        }
    }
}
