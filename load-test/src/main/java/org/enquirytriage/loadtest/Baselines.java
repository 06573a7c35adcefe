package org.enquirytriage.loadtest;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.enquirytriage.events.EventType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the machine does without the services: the raw broker (as many records as the run posts enquiries, produced
 * to and consumed from {@value #TOPIC} as fast as they go) and plain HTTP (the same posts, at the same rate, to a
 * trivial endpoint this tool serves itself, on an event loop of its own so that the server is not what limits).
 */
final class Baselines {

    static final String TOPIC = "load-test-baseline";

    private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(2);

    /**
     * The raw broker.
     *
     * @param records records produced and consumed
     * @param produced how long producing them took, until the last acknowledgement
     * @param endToEnd from the first send until the last record was consumed
     * @param consumed records consumed within the timeout
     */
    record KafkaResult(long records, Duration produced, Duration endToEnd, long consumed) {

        double producedPerSecond() {
            return records / seconds(produced);
        }

        double endToEndPerSecond() {
            return consumed / seconds(endToEnd);
        }
    }

    private Baselines() {
    }

    static KafkaResult kafka(String bootstrapServers, long records, Corpus corpus) {
        createTopic(bootstrapServers);
        List<byte[]> values = eventLikeValues(corpus);
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(bootstrapServers, "load-test-baseline");
                KafkaConsumer<String, byte[]> consumer = KafkaClients.consumer(bootstrapServers,
                        "load-test-baseline")) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            AtomicLong consumed = new AtomicLong();
            Thread reader = new Thread(() -> {
                long deadline = System.nanoTime() + CONSUME_TIMEOUT.toNanos();
                while (consumed.get() < records && System.nanoTime() < deadline) {
                    consumed.addAndGet(consumer.poll(Duration.ofMillis(100)).count());
                }
            }, "load-test-baseline-reader");
            long start = System.nanoTime();
            reader.start();
            for (long i = 0; i < records; i++) {
                String key = UUID.randomUUID().toString();
                RecordHeaders headers = new RecordHeaders();
                headers.add(CaseWatcher.CE_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                headers.add(CaseWatcher.CE_TYPE,
                        EventType.ENQUIRY_RECEIVED.cloudEventType().getBytes(StandardCharsets.UTF_8));
                headers.add("ce_source", "load-test".getBytes(StandardCharsets.UTF_8));
                headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<>(TOPIC, null, key, values.get((int) (i % values.size())),
                        headers));
            }
            producer.flush();
            Duration produced = Duration.ofNanos(System.nanoTime() - start);
            reader.join(CONSUME_TIMEOUT.toMillis());
            Duration endToEnd = Duration.ofNanos(System.nanoTime() - start);
            return new KafkaResult(records, produced, endToEnd, consumed.get());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Posts at the given rate to an endpoint served here, which answers every post 202 with a new id. */
    static OpenLoop.Stats http(LoadTestOptions options, HttpPoster client, Enquiries enquiries)
            throws InterruptedException {
        LoopResources loop = LoopResources.create("load-test-baseline-server", 1, 1, true);
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0).runOn(loop)
                .handle((request, response) -> request.receive().then(response.status(HttpResponseStatus.ACCEPTED)
                        .header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .sendString(Mono.fromSupplier(() -> "{\"enquiryId\":\"" + UUID.randomUUID() + "\"}"))
                        .then()))
                .bindNow();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + options.enquiriesPath());
            int batch = options.batch();
            return new OpenLoop(client, options.maxInFlight(), 0, options.httpTimeout()).run(options.requestRate(),
                    options.duration(), index -> batch == 1 ? enquiries.request(uri, index)
                            : enquiries.batch(uri, index * batch, batch), (index, sentAt, response) -> {
                            });
        }
        finally {
            server.disposeNow(Duration.ofSeconds(5));
            loop.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    static void print(PrintStream out, KafkaResult kafka, OpenLoop.Stats http) {
        out.printf("baseline kafka: %d records produced in %.1f s (%.0f/s, acks=all); produced and consumed in "
                + "%.1f s (%.0f/s end to end; %d consumed)%n", kafka.records(), seconds(kafka.produced()),
                kafka.producedPerSecond(), seconds(kafka.endToEnd()), kafka.endToEndPerSecond(), kafka.consumed());
        out.printf("baseline http: %d posts scheduled, %d sent (%.0f/s), %d answered, %d unsent, %d failed; "
                + "response p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", http.scheduled(), http.sent(),
                http.sentPerSecond(), http.succeeded(), http.unsent(), http.failed(),
                http.responseMicros().getValueAtPercentile(50) / 1000.0,
                http.responseMicros().getValueAtPercentile(99) / 1000.0, http.responseMicros().getMaxValue() / 1000.0);
    }

    private static void createTopic(String bootstrapServers) {
        try (Admin admin = KafkaClients.admin(bootstrapServers)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the topic " + TOPIC, e.getCause());
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** Values the size of the services' events: an EnquiryReceived-like JSON around each corpus text. */
    private static List<byte[]> eventLikeValues(Corpus corpus) {
        ObjectMapper json = new ObjectMapper();
        List<byte[]> values = new ArrayList<>();
        for (Corpus.Message message : corpus.messages()) {
            try {
                values.add(json.writeValueAsBytes(Map.of("eventId", UUID.randomUUID().toString(),
                        "occurredAt", "2026-01-01T00:00:00Z", "enquiryId", UUID.randomUUID().toString(),
                        "channel", "portal", "externalId", UUID.randomUUID().toString(),
                        "subject", message.subject(), "text", message.text())));
            }
            catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a baseline record", e);
            }
        }
        return values;
    }

    private static double seconds(Duration duration) {
        return Math.max(1e-9, duration.toNanos() / 1e9);
    }
}
