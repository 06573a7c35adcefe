package org.enquirytriage.loadtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.enquirytriage.events.EventType;
import org.enquirytriage.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads {@code case-events} and {@code enquiry-received} from their ends at the start of a run: which enquiry
 * became a case when ({@code CaseOpened}, or {@code CaseMerged} for an enquiry linked to another's case), and which
 * enquiry ids intake gave each (channel, external id) of this run.
 */
final class CaseWatcher implements AutoCloseable {

    static final String CE_TYPE = "ce_type";
    static final String CE_ID = "ce_id";

    private static final Duration TOPICS_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOPIC_CHECK_INTERVAL = Duration.ofMillis(500);

    private final ObjectMapper json = new ObjectMapper();
    private final KafkaConsumer<String, byte[]> consumer;
    private final String externalIdPrefix;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> enquiryIdsByMessage = new ConcurrentHashMap<>();
    private final Map<String, Position> receivedAt = new ConcurrentHashMap<>();
    private final PollLoop loop;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever the watcher has read records. */
    private final Condition read = lock.newCondition();
    private long lastReadNanos = Long.MIN_VALUE;

    /** How an enquiry ended up as a case: the CaseOpened (or CaseMerged) events seen for it. */
    static final class Arrival {

        private final Set<String> openedEventIds = ConcurrentHashMap.newKeySet();
        private final Set<String> mergedEventIds = ConcurrentHashMap.newKeySet();
        private volatile long recordTimestamp = Long.MAX_VALUE;
        private volatile long arrivedAtMillis = Long.MAX_VALUE;
        private volatile int records;

        synchronized void seen(String eventId, boolean merged, long timestamp, long arrivedAt) {
            (merged ? mergedEventIds : openedEventIds).add(eventId);
            recordTimestamp = Math.min(recordTimestamp, timestamp);
            arrivedAtMillis = Math.min(arrivedAtMillis, arrivedAt);
            records++;
        }

        /** Distinct CaseOpened events: more than one means two cases were opened for one enquiry. */
        int opened() {
            return openedEventIds.size();
        }

        boolean merged() {
            return !mergedEventIds.isEmpty();
        }

        /** The timestamp of the first record (its CreateTime: when the relay in triage-service produced it). */
        long recordTimestamp() {
            return recordTimestamp;
        }

        /** When this watcher first read it. */
        long arrivedAtMillis() {
            return arrivedAtMillis;
        }

        /** Records read, more than the distinct events when one was delivered again. */
        int records() {
            return records;
        }
    }

    /** Where an {@code enquiry-received} record was. */
    record Position(int partition, long offset) {
    }

    CaseWatcher(String bootstrapServers, String externalIdPrefix) {
        this.externalIdPrefix = externalIdPrefix;
        this.consumer = KafkaClients.consumer(bootstrapServers, "load-test-watcher");
        this.loop = new PollLoop(consumer, this::read, () -> consumer.close(Duration.ofSeconds(5)));
    }

    /** Takes the current ends of both topics as the start and reads on from there in a thread of its own. */
    void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        partitions.addAll(partitions(Topics.CASE_EVENTS));
        partitions.addAll(partitions(Topics.ENQUIRY_RECEIVED));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(partition -> consumer.position(partition, TOPICS_TIMEOUT));
        loop.start("load-test-watcher");
    }

    private List<TopicPartition> partitions(String topic) {
        List<List<PartitionInfo>> found = new ArrayList<>();
        boolean exists = Waits.until(() -> {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TOPICS_TIMEOUT);
            return infos != null && !infos.isEmpty() && found.add(infos);
        }, TOPIC_CHECK_INTERVAL, System.nanoTime() + TOPICS_TIMEOUT.toNanos());
        if (!exists) {
            throw new IllegalStateException("The topic " + topic + " does not exist: are the services up?");
        }
        return found.get(0).stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private void read(ConsumerRecords<String, byte[]> records) {
        long now = System.currentTimeMillis();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.topic().equals(Topics.CASE_EVENTS)) {
                caseEvent(record, now);
            }
            else {
                enquiryReceived(record);
            }
        }
        if (!records.isEmpty()) {
            signalRead();
        }
    }

    private void caseEvent(ConsumerRecord<String, byte[]> record, long now) {
        String type = header(record, CE_TYPE);
        boolean opened = EventType.CASE_OPENED.cloudEventType().equals(type);
        boolean merged = EventType.CASE_MERGED.cloudEventType().equals(type);
        if (!opened && !merged) {
            return;
        }
        JsonNode event = read(record);
        if (event == null) {
            return;
        }
        String enquiryId = event.path(opened ? "enquiryId" : "mergedEnquiryId").asText(null);
        if (enquiryId == null) {
            return;
        }
        String eventId = event.path("eventId").asText(String.valueOf(header(record, CE_ID)));
        arrivals.computeIfAbsent(enquiryId, id -> new Arrival()).seen(eventId, merged, record.timestamp(), now);
    }

    private void enquiryReceived(ConsumerRecord<String, byte[]> record) {
        if (!EventType.ENQUIRY_RECEIVED.cloudEventType().equals(header(record, CE_TYPE))) {
            return;
        }
        JsonNode event = read(record);
        if (event == null) {
            return;
        }
        String externalId = event.path("externalId").asText("");
        String enquiryId = event.path("enquiryId").asText(null);
        if (!externalId.startsWith(externalIdPrefix) || enquiryId == null) {
            return;
        }
        enquiryIdsByMessage.computeIfAbsent(messageKey(event.path("channel").asText(""), externalId),
                key -> ConcurrentHashMap.newKeySet()).add(enquiryId);
        receivedAt.putIfAbsent(enquiryId, new Position(record.partition(), record.offset()));
    }

    /** A (channel, external id) pair as one key. */
    static String messageKey(String channel, String externalId) {
        return channel + "\u0000" + externalId;
    }

    private JsonNode read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        try {
            return json.readTree(record.value());
        }
        catch (IOException e) {
            return null;
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The enquiries seen becoming cases, by enquiry id. */
    Map<String, Arrival> arrivals() {
        checkRunning();
        return arrivals;
    }

    /** The enquiry ids intake sent {@code EnquiryReceived} for, by {@link #messageKey(String, String)}. */
    Map<String, Set<String>> enquiryIdsByMessage() {
        return enquiryIdsByMessage;
    }

    /** Where each enquiry's {@code EnquiryReceived} is on {@code enquiry-received}. */
    Map<String, Position> receivedAt() {
        return receivedAt;
    }

    private void checkRunning() {
        RuntimeException failure = loop.failure();
        if (failure != null) {
            throw new IllegalStateException("Reading case-events failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        if (!loop.started()) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        loop.stop();
    }

    private void signalRead() {
        lock.lock();
        try {
            lastReadNanos = System.nanoTime();
            read.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /** Waits until this watcher reads more records, at most the given time (and never past the deadline). */
    void awaitRecords(Duration atMost, long deadline) {
        lock.lock();
        try {
            long wait = Math.min(atMost.toNanos(), deadline - System.nanoTime());
            if (wait > 0) {
                read.awaitNanos(wait);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for records", e);
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Waits until this watcher has read nothing for the given time (a second case for an enquiry would have come by
     * then), but not past the deadline.
     */
    void awaitQuiet(Duration quiet, long deadline) {
        long start = System.nanoTime();
        lock.lock();
        try {
            while (true) {
                long quietUntil = Math.max(start, lastReadNanos) + quiet.toNanos();
                long wait = Math.min(quietUntil, deadline) - System.nanoTime();
                if (wait <= 0) {
                    return;
                }
                read.awaitNanos(wait);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the topics to go quiet", e);
        }
        finally {
            lock.unlock();
        }
    }
}
