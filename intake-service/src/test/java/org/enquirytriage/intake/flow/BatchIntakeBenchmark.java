package org.enquirytriage.intake.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.Topics;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a batch costs intake, measured in-process: the service on a random port against the embedded Kafka broker
 * and the in-memory MongoDB stand-in its tests use, batches of {@value #BATCH_SIZE} enquiries (the real messages of
 * {@code ../shared/data/unlabeled-messages.jsonl} when it is there) posted one after the other to
 * {@code POST /api/enquiries/batch} as a channel adapter would, until every event has left the outboxes. It prints
 * the CPU time of this JVM per enquiry (intake, and the store, broker and HTTP client it runs beside), split by
 * thread group, the wall time and the answer times; it checks only that every accepted enquiry's event reached
 * {@code enquiry-received} (nothing lost). Not part of the test suite (its name does not end in Tests); run:
 *
 * <pre>
 * ./mvnw -B -pl intake-service test -Dtest=BatchIntakeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * cat intake-service/target/batch-intake-benchmark.txt
 * </pre>
 */
class BatchIntakeBenchmark extends IntakeFlowSupport {

    private static final int BATCH_SIZE = 500;
    private static final int WARM_UP_BATCHES = Integer.getInteger("benchmark.warmUpBatches", 10);
    private static final int MEASURED_BATCHES = Integer.getInteger("benchmark.batches", 20);
    private static final Path CORPUS = Path.of("../../shared/data/unlabeled-messages.jsonl");
    private static final Path REPORT = Path.of("target/batch-intake-benchmark.txt");

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Test
    void batchesOf500() throws Exception {
        List<String[]> corpus = corpus();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> accepted = new ArrayList<>();
        for (int batch = 0; batch < WARM_UP_BATCHES; batch++) {
            post(corpus, run, batch, accepted);
        }
        awaitOutboxesEmpty();

        Map<String, Long> threadsBefore = threadCpu();
        long cpuBefore = processCpuNanos();
        long started = System.nanoTime();
        List<Long> answers = new ArrayList<>();
        for (int batch = WARM_UP_BATCHES; batch < WARM_UP_BATCHES + MEASURED_BATCHES; batch++) {
            long sent = System.nanoTime();
            post(corpus, run, batch, accepted);
            answers.add((System.nanoTime() - sent) / 1_000_000);
        }
        long answered = System.nanoTime();
        awaitOutboxesEmpty();
        long drained = System.nanoTime();
        double cpuMs = (processCpuNanos() - cpuBefore) / 1e6;
        Map<String, Long> threadsAfter = threadCpu();

        int enquiries = MEASURED_BATCHES * BATCH_SIZE;
        answers.sort(null);
        StringBuilder report = new StringBuilder();
        report.append("CPU ms per enquiry by thread group (this JVM):\n");
        byGroup(threadsBefore, threadsAfter).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(group -> report.append(String.format(Locale.ROOT, "  %-40s %8.3f%n", group.getKey(),
                        group.getValue() / 1e6 / enquiries)));
        report.append(String.format(Locale.ROOT,
                "{\"batches\":%d,\"batch_size\":%d,\"enquiries\":%d,\"cpu_ms_per_enquiry\":%.3f,"
                        + "\"answered_s\":%.2f,\"drained_s\":%.2f,\"enquiries_per_s\":%.0f,"
                        + "\"answer_p50_ms\":%d,\"answer_max_ms\":%d,\"corpus\":\"%s\"}%n",
                MEASURED_BATCHES, BATCH_SIZE, enquiries, cpuMs / enquiries, (answered - started) / 1e9,
                (drained - started) / 1e9, enquiries / ((drained - started) / 1e9),
                answers.get(answers.size() / 2), answers.get(answers.size() - 1),
                Files.exists(CORPUS) ? CORPUS.getFileName() : "generated"));
        System.out.print(report);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);

        try (TopicReader received = new TopicReader(String.join(",", kafka.getBootstrapServers()),
                Topics.ENQUIRY_RECEIVED)) {
            Set<String> expected = new HashSet<>(accepted);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(received.records().stream()
                    .map(ConsumerRecord::key).filter(expected::contains).distinct().count())
                    .isEqualTo(expected.size()));
        }
    }

    private void post(List<String[]> corpus, String run, int batch, List<String> accepted)
            throws IOException, InterruptedException {
        ArrayNode items = json.createArrayNode();
        for (int i = 0; i < BATCH_SIZE; i++) {
            int n = batch * BATCH_SIZE + i;
            String[] message = corpus.get(n % corpus.size());
            ObjectNode item = items.addObject().put("channel", "portal").put("externalId", "bm-" + run + "-" + n)
                    .put("text", message[1]);
            if (message[0] != null) {
                item.put("subject", message[0]);
            }
        }
        HttpResponse<String> response = post("/api/enquiries/batch", "application/json",
                json.writeValueAsBytes(items));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("accepted").asInt()).as(response.body()).isEqualTo(BATCH_SIZE);
        result.path("items").forEach(item -> accepted.add(item.path("enquiryId").asText()));
    }

    private void awaitOutboxesEmpty() {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(
                () -> !mongo.exists(new Query(Criteria.where("outbox.0").exists(true)), "enquiries"));
    }

    /** Messages as (subject, text): the real ones when the shared data is there, else made-up ones. */
    private List<String[]> corpus() throws IOException {
        List<String[]> messages = new ArrayList<>();
        if (Files.exists(CORPUS)) {
            for (String line : Files.readAllLines(CORPUS)) {
                JsonNode message = json.readTree(line);
                String text = message.path("text").asText("");
                if (!text.isBlank() && text.length() <= 2_000) {
                    messages.add(new String[] { message.path("subject").asText(null), text });
                }
            }
        }
        if (messages.isEmpty()) {
            for (int i = 0; i < 100; i++) {
                messages.add(new String[] { "第 " + i + " 号路灯不亮", "小区门口的第 " + i + " 号路灯坏了一个星期，晚上出行很不安全，请尽快修理。" });
            }
        }
        return messages;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private Map<String, Long> threadCpu() {
        Map<String, Long> cpu = new HashMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long time = threads.getThreadCpuTime(info.getThreadId());
                if (time > 0) {
                    cpu.put(info.getThreadId() + " " + info.getThreadName(), time);
                }
            }
        }
        return cpu;
    }

    /** The CPU each group of threads (their names without numbers) used between the two readings. */
    private static Map<String, Long> byGroup(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> groups = new LinkedHashMap<>();
        after.forEach((thread, time) -> {
            String name = thread.substring(thread.indexOf(' ') + 1).replaceAll("\\d+", "#");
            groups.merge(name, time - before.getOrDefault(thread, 0L), Long::sum);
        });
        return groups;
    }
}
