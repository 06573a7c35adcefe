package org.enquirytriage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.enquirytriage.events.EventType;
import org.enquirytriage.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two instances each of intake, triage and publishing behind one gateway (as {@code scripts/run-local --instances 2}
 * runs them), sharing the broker's partitions and the store. A few hundred enquiries come in as single posts and in
 * batches, some as repeats of one citizen in one region (并单 candidates, which may land on either triage instance),
 * some posted twice with the same external id. Every accepted enquiry must end in exactly one case (none lost, none
 * with two cases), a post repeated with the same external id must get the same enquiry, and both triage instances
 * must have taken a share of the work. No timing is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutTests {

    private static final int INSTANCES = 2;
    private static final int SINGLE_POSTS = 120;
    private static final int BATCHES = 4;
    private static final int BATCH_SIZE = 25;
    private static final int REPEATS_OF_ONE_CITIZEN = 20;
    private static final int POSTED_TWICE = 30;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int SENDERS = 8;
    /** Seven JVMs start at once: without the start-up warm-ups (not what is tested here) they start sooner. */
    private static final String NO_WARM_UP = """
            {"intake": {"warm-up": {"iterations": 0}}, "triage": {"warm-up": {"iterations": 0}}}""";
    private static final Pattern TAKEN = Pattern.compile("(?m)^triage_cases_(?:opened|merged)_total\\{[^}]*} (\\S+)$");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private EmbeddedSystem embedded;

    @BeforeAll
    void startSystem() throws Exception {
        embedded = EmbeddedSystem.start("scale-out", Map.of("SPRING_APPLICATION_JSON", NO_WARM_UP), INSTANCES);
    }

    @AfterAll
    void stopSystem() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void shouldTurnEveryAcceptedEnquiryIntoExactlyOneCaseWithTwoInstancesOfEachService() throws Exception {
        List<Callable<Map<String, String>>> posts = new ArrayList<>();
        for (int i = 0; i < SINGLE_POSTS; i++) {
            String body = enquiry("single-" + i, "小区门口第" + i + "号路灯不亮，晚上很黑，请尽快维修。", i);
            posts.add(() -> postOne(body));
        }
        for (int batch = 0; batch < BATCHES; batch++) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                int n = batch * BATCH_SIZE + i;
                items.add(enquiry("batch-" + n, "第" + n + "路公交车经常不按时发车，等车超过四十分钟。", n));
            }
            posts.add(() -> postBatch(items));
        }
        for (int i = 0; i < REPEATS_OF_ONE_CITIZEN; i++) {
            String body = repeat("repeat-" + i);
            posts.add(() -> postOne(body));
        }
        List<Callable<Map<String, String>>> twice = new ArrayList<>();
        for (int i = 0; i < POSTED_TWICE; i++) {
            String body = enquiry("twice-" + i, "垃圾站第" + i + "号垃圾桶满了没人清运，气味很大。", i);
            twice.add(() -> postOne(body));
        }
        Map<String, String> enquiryIdByExternalId = postAll(posts);
        Map<String, String> firstAnswers = postAll(twice);
        Map<String, String> secondAnswers = postAll(twice);
        enquiryIdByExternalId.putAll(firstAnswers);

        int expected = SINGLE_POSTS + BATCHES * BATCH_SIZE + REPEATS_OF_ONE_CITIZEN + POSTED_TWICE;
        assertThat(enquiryIdByExternalId).as("accepted enquiries").hasSize(expected);
        assertThat(secondAnswers).as("the same external id posted again: the same enquiry").isEqualTo(firstAnswers);
        assertThat(new HashSet<>(enquiryIdByExternalId.values())).as("distinct enquiry ids").hasSize(expected);

        try (CaseEvents cases = new CaseEvents(embedded.kafkaBootstrapServers())) {
            Set<String> accepted = new HashSet<>(enquiryIdByExternalId.values());
            await("every accepted enquiry in a case").atMost(PATIENCE).pollInSameThread()
                    .pollInterval(Duration.ofMillis(500)).until(() -> cases.read().inCase().containsAll(accepted));
            // late duplicates would come after: read until nothing more comes for a while
            await("case-events quiet").atMost(PATIENCE).during(Duration.ofSeconds(3)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(500)).until(() -> cases.read().lastReadCount() == 0);

            assertThat(accepted).as("lost").allMatch(cases.inCase()::contains);
            assertThat(accepted).as("enquiries with two cases").noneMatch(id -> cases.opened(id) > 1);
        }
        List<Double> taken = new ArrayList<>();
        for (URI metrics : embedded.system().triageInstances("/actuator/prometheus")) {
            taken.add(enquiriesTaken(metrics));
        }
        assertThat(taken).as("enquiries each triage instance opened a case for or merged").hasSize(INSTANCES)
                .allMatch(count -> count > 0);
    }

    /** Sends the posts, a few at a time (below the gateway's admission limit), and collects what they answered. */
    private static Map<String, String> postAll(List<Callable<Map<String, String>>> posts) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            Map<String, String> answers = new HashMap<>();
            for (Future<Map<String, String>> post : senders.invokeAll(posts)) {
                answers.putAll(post.get());
            }
            return answers;
        }
        finally {
            senders.shutdownNow();
        }
    }

    /** One enquiry of this run as a channel posts it; the n-th region of a few, no contact. */
    private String enquiry(String externalId, String text, int n) throws IOException {
        return json.writeValueAsString(Map.of("channel", "portal", "externalId", run + "-" + externalId,
                "subject", "反映问题", "text", text,
                "location", Map.of("regionCode", "3301" + String.format("%02d", 2 + n % 8))));
    }

    /** The same citizen writing the same thing from the same region again. */
    private String repeat(String externalId) throws IOException {
        return json.writeValueAsString(Map.of("channel", "portal", "externalId", run + "-" + externalId,
                "subject", "噪音扰民", "text", "楼下工地每天晚上十一点以后还在施工，噪音很大，严重影响休息。",
                "contact", Map.of("name", "张三", "phone", "13800138000"),
                "location", Map.of("regionCode", "330106")));
    }

    /** Posts one enquiry through the gateway; answers its external id and enquiry id, accepted (202 or 200). */
    private Map<String, String> postOne(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("/api/enquiries", body);
        assertThat(response.statusCode()).as("answer to %s: %s", body, response.body()).isIn(200, 202);
        return Map.of(externalId(body), read(response.body()).path("enquiryId").asText());
    }

    /** Posts a batch through the gateway; answers the external id and enquiry id of each item, all accepted. */
    private Map<String, String> postBatch(List<String> items) throws IOException, InterruptedException {
        HttpResponse<String> response = send("/api/enquiries/batch", "[" + String.join(",", items) + "]");
        assertThat(response.statusCode()).as("answer to a batch: %s", response.body()).isEqualTo(200);
        Map<String, String> accepted = new HashMap<>();
        for (JsonNode answer : read(response.body()).path("items")) {
            assertThat(answer.path("status").asText()).as("item %s", answer).isEqualTo("accepted");
            accepted.put(externalId(items.get(answer.path("index").asInt())), answer.path("enquiryId").asText());
        }
        assertThat(accepted).as("items answered").hasSize(items.size());
        return accepted;
    }

    private HttpResponse<String> send(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(embedded.system().gateway(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Api-Key", RunningSystem.DEMO_CHANNEL_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String externalId(String body) {
        return read(body).path("externalId").asText();
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        }
        catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    /** The enquiries one triage instance opened a case for or merged into one, by its metrics. */
    private double enquiriesTaken(URI metrics) throws IOException, InterruptedException {
        String text = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double total = 0;
        Matcher matcher = TAKEN.matcher(text);
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    /** {@code case-events} from its start: the CaseOpened and CaseMerged events of each enquiry. */
    private final class CaseEvents implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<String, Set<String>> openedEventIds = new HashMap<>();
        private final Set<String> inCase = new HashSet<>();
        private int lastReadCount;

        CaseEvents(String bootstrapServers) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CASE_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        CaseEvents read() {
            lastReadCount = 0;
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                lastReadCount++;
                Header type = record.headers().lastHeader("ce_type");
                String eventType = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
                boolean opened = EventType.CASE_OPENED.cloudEventType().equals(eventType);
                if (opened || EventType.CASE_MERGED.cloudEventType().equals(eventType)) {
                    JsonNode event = ScaleOutTests.this.read(new String(record.value(), StandardCharsets.UTF_8));
                    String enquiryId = event.path(opened ? "enquiryId" : "mergedEnquiryId").asText();
                    inCase.add(enquiryId);
                    if (opened) {
                        openedEventIds.computeIfAbsent(enquiryId, id -> new HashSet<>())
                                .add(event.path("eventId").asText());
                    }
                }
            }
            return this;
        }

        Set<String> inCase() {
            return inCase;
        }

        int lastReadCount() {
            return lastReadCount;
        }

        /** Distinct CaseOpened events of an enquiry: more than one is two cases for it. */
        int opened(String enquiryId) {
            return openedEventIds.getOrDefault(enquiryId, Set.of()).size();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
