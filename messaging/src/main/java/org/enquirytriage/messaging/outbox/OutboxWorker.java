package org.enquirytriage.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bson.Document;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.MessagingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/** Relays one collection's outboxes on a thread of its own, in batches. */
class OutboxWorker implements Runnable {

    static final String OUTBOX = "outbox";

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final String collection;
    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final CloudEventCodec codec;
    private final MessagingProperties.Outbox settings;
    /** What the service asked to be sent, one entry per request: a document, or all those of one bulk write. */
    private final LinkedBlockingQueue<List<String>> requested = new LinkedBlockingQueue<>();
    /** Documents whose events could not all be sent: tried again at the next sweep, without a scan. */
    private final Set<String> unsent = new LinkedHashSet<>();
    private volatile Thread thread;
    private volatile boolean stopping;

    OutboxWorker(String collection, MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec,
            MessagingProperties.Outbox settings) {
        this.collection = collection;
        this.mongo = mongo;
        this.kafka = kafka;
        this.codec = codec;
        this.settings = settings;
    }

    void submit(List<String> documentIds) {
        requested.add(documentIds);
    }

    void start() {
        stopping = false;
        thread = new Thread(this, "outbox-" + collection);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopping = true;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            try {
                current.join(settings.sendTimeout().toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Relays what is asked for as it comes, in batches of about the batch size (a request is never split, so one bulk
     * write's documents go out together); every sweep interval also what could not be sent before, and
     * every full-sweep interval (and at the start) whatever any document's outbox holds, found by a scan: what a
     * stopped instance left behind.
     */
    @Override
    public void run() {
        Instant nextSweep = Instant.now();
        Instant nextFullSweep = Instant.now();
        while (!stopping) {
            Set<String> batch = new LinkedHashSet<>();
            try {
                List<String> first = requested.poll(settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.addAll(first);
                    List<String> next;
                    while (batch.size() < settings.batchSize() && (next = requested.poll()) != null) {
                        batch.addAll(next);
                    }
                }
                if (!Instant.now().isBefore(nextSweep)) {
                    batch.addAll(unsent);
                    unsent.clear();
                    nextSweep = Instant.now().plus(settings.sweepInterval());
                }
                if (!Instant.now().isBefore(nextFullSweep)) {
                    batch.addAll(leftBehind());
                    nextFullSweep = Instant.now().plus(settings.fullSweepInterval());
                }
                if (!batch.isEmpty()) {
                    relay(batch);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException e) {
                log.warn("Outbox relay of {} failed; the events stay and are tried again: {}", collection,
                        e.toString());
                unsent.addAll(batch);
                nextSweep = Instant.now().plus(settings.sweepInterval());
            }
        }
    }

    /** The documents with events older than the sweep age: a scan of the collection. */
    private List<String> leftBehind() {
        Date cutoff = Date.from(Instant.now().minus(settings.sweepAge()));
        Query query = new Query(Criteria.where(OUTBOX + ".occurredAt").lt(cutoff)).limit(settings.batchSize());
        query.fields().include("_id");
        return mongo.find(query, Document.class, collection).stream().map(d -> String.valueOf(d.get("_id")))
                .toList();
    }

    /**
     * Sends the events of the given documents as one producer batch and removes those the broker acknowledged from
     * the outboxes with one bulk write: an update per document that pulls only its own events (a single update
     * pulling all of a batch's events from all its documents makes the stand-in compare every outbox entry with every
     * event of the batch, a third of its CPU in the batch benchmark). The queries name only {@code _id}:
     * mongo-java-server uses an index only for a query on exactly its fields, and scans the whole collection
     * otherwise. When a send fails at once (the producer found no broker within its {@code max.block.ms}) the
     * template throws, and the whole batch is tried again at the next sweep: a batch of hundreds of documents costs
     * one wait, not one each, while the broker is away.
     */
    private void relay(Set<String> ids) throws InterruptedException {
        Query query = new Query(Criteria.where("_id").in(ids));
        query.fields().include(OUTBOX);
        List<Pending> pending = new ArrayList<>();
        for (Document document : mongo.find(query, Document.class, collection)) {
            List<Document> outbox = document.getList(OUTBOX, Document.class);
            if (outbox != null && !outbox.isEmpty()) {
                pending.add(send(String.valueOf(document.get("_id")), outbox));
            }
        }
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        int removed = 0;
        for (Pending each : pending) {
            List<String> sent = each.acknowledged(settings.sendTimeout());
            if (sent.size() < each.eventIds().size()) {
                unsent.add(each.documentId());
            }
            if (!sent.isEmpty()) {
                removals.updateOne(new Query(Criteria.where("_id").is(each.documentId())),
                        new Update().pull(OUTBOX, new Document("eventId", new Document("$in", sent))));
                removed++;
            }
        }
        if (removed > 0) {
            removals.execute();
        }
    }

    private Pending send(String documentId, List<Document> outbox) {
        List<String> eventIds = new ArrayList<>();
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
        for (Document entry : outbox) {
            OutboxMessage message = new OutboxMessage(entry.getString("eventId"), entry.getString("type"),
                    entry.getString("topic"), entry.getString("key"), entry.getString("payload"),
                    entry.getDate("occurredAt").toInstant());
            eventIds.add(message.eventId());
            sends.add(kafka.send(codec.toRecord(message)));
        }
        return new Pending(documentId, eventIds, sends);
    }

    OutboxBacklog backlog() {
        Aggregation pipeline = Aggregation.newAggregation(
                Aggregation.match(Criteria.where(OUTBOX + ".0").exists(true)),
                Aggregation.unwind(OUTBOX),
                Aggregation.group().count().as("events").min(OUTBOX + ".occurredAt").as("oldest"));
        Document result = mongo.aggregate(pipeline, collection, Document.class).getUniqueMappedResult();
        if (result == null || result.get("oldest") == null) {
            return new OutboxBacklog(0, Duration.ZERO);
        }
        Instant oldest = result.getDate("oldest").toInstant();
        return new OutboxBacklog(((Number) result.get("events")).longValue(),
                Duration.between(oldest, Instant.now()));
    }

    /** The sends of one document's events, in order. */
    private record Pending(String documentId, List<String> eventIds,
            List<CompletableFuture<SendResult<String, byte[]>>> sends) {

        /** The events the broker acknowledged, up to the first that failed, so that order is kept. */
        List<String> acknowledged(Duration timeout) throws InterruptedException {
            List<String> acknowledged = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int i = 0; i < sends.size(); i++) {
                try {
                    sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(eventIds.get(i));
                }
                catch (ExecutionException | TimeoutException e) {
                    log.warn("Event {} of {} was not acknowledged and stays in the outbox: {}", eventIds.get(i),
                            documentId, e.toString());
                    break;
                }
            }
            return acknowledged;
        }
    }
}
