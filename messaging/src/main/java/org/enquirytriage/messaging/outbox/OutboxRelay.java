package org.enquirytriage.messaging.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.MessagingProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends the events waiting in the outboxes of the configured collections to Kafka. A service calls
 * {@link #relay(String, String)} right after it saved a document with new events (or {@link #relay(String, Collection)}
 * after it saved many at once), so they go out at once; a sweep
 * picks up whatever was left behind (the broker was down, the service stopped), so every saved event is sent at
 * least once, in the order it was added.
 */
public class OutboxRelay implements SmartLifecycle {

    private final Map<String, OutboxWorker> workers;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec,
            MessagingProperties.Outbox settings) {
        this.workers = settings.collections().stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                collection -> new OutboxWorker(collection, mongo, kafka, codec, settings)));
    }

    /** Asks for the pending events of one document to be sent now. Returns at once. */
    public void relay(String collection, String documentId) {
        relay(collection, List.of(documentId));
    }

    /**
     * Asks for the pending events of many documents to be sent now, together: one read of their outboxes, one
     * producer batch, one update marking them sent (a bulk write saved them, so no round trip per document). Returns
     * at once.
     */
    public void relay(String collection, Collection<String> documentIds) {
        OutboxWorker worker = workers.get(collection);
        if (worker == null) {
            throw new IllegalArgumentException("Collection " + collection
                    + " is not relayed; add it to messaging.outbox.collections");
        }
        if (!documentIds.isEmpty()) {
            worker.submit(List.copyOf(documentIds));
        }
    }

    /** How many events wait in the outbox of a collection, and the age of the oldest, for the metrics. */
    public OutboxBacklog backlog(String collection) {
        return workers.get(collection).backlog();
    }

    public List<String> collections() {
        return List.copyOf(workers.keySet());
    }

    @Override
    public void start() {
        workers.values().forEach(OutboxWorker::start);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        workers.values().forEach(OutboxWorker::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the listeners and the web server are up, stops before Kafka's producer goes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
