package org.enquirytriage.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.enquirytriage.events.Topics;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The intake flow as a channel and a citizen see it: an enquiry posted over HTTP is stored masked with its original
 * kept, its {@code EnquiryReceived} event lands on the topic once, repeats make no second enquiry, and the status is
 * shown to the holder of the tracking token only. Subclasses supply the infrastructure (embedded, or containers).
 */
abstract class EnquiryIntakeScenarios {

    private static final StaffMember PORTAL = StaffAuthentication.channel("portal");
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String COMPLAINT = "A市A3区万家丽路的工地每天晚上施工到凌晨两点，噪音很大，"
            + "联系电话 138-1234-5678，身份证430103199001011234，请尽快处理。";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    ObjectMapper json;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaConnectionDetails kafka;

    @LocalServerPort
    int port;

    private TopicReader topic;

    @BeforeEach
    void readTheTopic() {
        topic = new TopicReader(String.join(",", kafka.getBootstrapServers()), Topics.ENQUIRY_RECEIVED);
    }

    @AfterEach
    void stopReading() {
        topic.close();
    }

    @Test
    void shouldStoreTheEnquiryMaskedAndPublishItsEventOnce() throws Exception {
        String externalId = "msg-" + UUID.randomUUID();

        HttpResponse<String> response = post(enquiry(externalId, COMPLAINT));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode receipt = json.readTree(response.body());
        String id = receipt.path("enquiryId").asText();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(receipt.path("trackingToken").asText()).matches("[A-Za-z0-9_-]{22}");
        assertThat(receipt.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(response.headers().firstValue("Location")).contains("/api/enquiries/" + id + "/status");

        Document stored = mongo.findById(id, Document.class, "enquiries");
        assertThat(stored.getString("text")).contains("万家丽路", "138****5678", "身份证******************")
                .doesNotContain("1234-5678", "430103199001011234");
        assertThat(stored.getString("subject")).isEqualTo("夜间施工 138****5678");
        Document restricted = stored.get("restricted", Document.class);
        assertThat(restricted.getString("originalText")).isEqualTo(COMPLAINT);
        assertThat(restricted.get("contact", Document.class).getString("phone")).isEqualTo("13812345678");
        assertThat(stored.getString("citizenKey")).matches("[0-9a-f]{64}");

        ConsumerRecord<String, byte[]> record = await().atMost(EVENTUALLY)
                .until(() -> forKey(id), records -> !records.isEmpty()).get(0);
        JsonNode event = json.readTree(record.value());
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("enquiry.received.v1");
        assertThat(TopicReader.header(record, "ce_id")).isEqualTo(event.path("eventId").asText()).isNotBlank();
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("intake-service");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(id);
        assertThat(event.path("enquiryId").asText()).isEqualTo(id);
        assertThat(event.path("externalId").asText()).isEqualTo(externalId);
        assertThat(event.path("text").asText()).isEqualTo(stored.getString("text"));
        assertThat(event.path("citizenKey").asText()).isEqualTo(stored.getString("citizenKey"));
        assertThat(event.path("writtenAt").asText()).isEqualTo("2026-03-02T01:29:00Z");
        assertThat(event.path("location").path("regionCode").asText()).isEqualTo("430103");
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .doesNotContain("13812345678", "1234-5678", "430103199001011234", "restricted", "phone");

        await().atMost(EVENTUALLY).until(() -> mongo.findById(id, Document.class, "enquiries")
                .getList("outbox", Object.class).isEmpty());
        assertExactlyOneRecord(id);
    }

    @Test
    void shouldAnswerARepeatWithTheSameReceiptAndMakeNothingNew() throws Exception {
        String body = enquiry("repeat-" + UUID.randomUUID(), "请问办理居住证需要哪些材料？");

        HttpResponse<String> first = post(body);
        HttpResponse<String> second = post(body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json.readTree(second.body())).isEqualTo(json.readTree(first.body()));
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        String id = json.readTree(first.body()).path("enquiryId").asText();
        assertExactlyOneRecord(id);
        assertThat(storedWithExternalIdOf(body)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAPostWithoutTheChannelsTokenAndStoreNothing() throws Exception {
        String body = enquiry("refused-" + UUID.randomUUID(), "请问办理居住证需要哪些材料？");

        HttpResponse<String> anonymous = post(body, null);
        HttpResponse<String> otherChannel = post(body, StaffAuthentication.channel("weibo"));
        HttpResponse<String> staff = post(body, StaffAuthentication.admin());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(otherChannel.statusCode()).isEqualTo(403);
        assertThat(staff.statusCode()).isEqualTo(403);
        for (HttpResponse<String> response : List.of(anonymous, otherChannel, staff)) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(storedWithExternalIdOf(body)).isZero();
    }

    @Test
    void shouldGiveARepeatTheTokenOnlyWhenTheKeyThatCreatedItSendsIt() throws Exception {
        String body = enquiry("token-" + UUID.randomUUID(), "请问办理居住证需要哪些材料？");
        StaffMember anotherPortalKey = new StaffMember("another-portal-key", "portal adapter 2", Set.of(Role.CHANNEL),
                null, "portal");

        JsonNode first = json.readTree(post(body).body());
        HttpResponse<String> byAnotherKey = post(body, anotherPortalKey);
        HttpResponse<String> bySameKey = post(body);

        assertThat(byAnotherKey.statusCode()).isEqualTo(200);
        JsonNode other = json.readTree(byAnotherKey.body());
        assertThat(other.path("enquiryId").asText()).isEqualTo(first.path("enquiryId").asText());
        assertThat(other.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(other.has("trackingToken")).as(byAnotherKey.body()).isFalse();
        assertThat(bySameKey.statusCode()).isEqualTo(200);
        assertThat(json.readTree(bySameKey.body()).path("trackingToken").asText())
                .isEqualTo(first.path("trackingToken").asText());
    }

    @Test
    void shouldStoreOnlyTheHashOfTheTrackingToken() throws Exception {
        JsonNode receipt = json.readTree(post(enquiry("hashed-" + UUID.randomUUID(), COMPLAINT)).body());
        String token = receipt.path("trackingToken").asText();

        Document stored = mongo.findById(receipt.path("enquiryId").asText(), Document.class, "enquiries");

        assertThat(stored.toJson()).doesNotContain(token);
        assertThat(stored.get("restricted", Document.class).getString("trackingTokenHash")).matches("[0-9a-f]{64}");
    }

    @Test
    void shouldRefuseARepeatedIdWithAnotherTextWith409AndKeepTheFirst() throws Exception {
        String externalId = "conflict-" + UUID.randomUUID();
        String id = json.readTree(post(enquiry(externalId, "小区门口的路灯坏了一个月了。")).body())
                .path("enquiryId").asText();

        HttpResponse<String> conflicting = post(enquiry(externalId, "另一条消息，抢先占用了这个编号。"));

        assertThat(conflicting.statusCode()).isEqualTo(409);
        assertThat(conflicting.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(conflicting.body());
        assertThat(problem.path("enquiryId").asText()).isEqualTo(id);
        assertThat(problem.has("trackingToken")).isFalse();
        assertThat(mongo.findById(id, Document.class, "enquiries").get("restricted", Document.class)
                .getString("originalText")).isEqualTo("小区门口的路灯坏了一个月了。");
        assertExactlyOneRecord(id);
    }

    @Test
    void shouldMakeOneEnquiryOfConcurrentRepeats() throws Exception {
        String body = enquiry("concurrent-" + UUID.randomUUID(), "小区门口的路灯坏了一个月了。");
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> posts = new ArrayList<>();
            Callable<HttpResponse<String>> post = () -> {
                start.await();
                return post(body);
            };
            for (int i = 0; i < threads; i++) {
                posts.add(pool.submit(post));
            }
            start.countDown();
            for (Future<HttpResponse<String>> each : posts) {
                responses.add(each.get());
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200, 202)
                .filteredOn(status -> status == 202).hasSize(1);
        List<String> ids = new ArrayList<>();
        for (HttpResponse<String> response : responses) {
            ids.add(json.readTree(response.body()).path("enquiryId").asText());
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(storedWithExternalIdOf(body)).isEqualTo(1);
        assertExactlyOneRecord(ids.get(0));
    }

    @Test
    void shouldShowTheStatusToTheHolderOfTheTokenOnly() throws Exception {
        JsonNode receipt = json.readTree(post(enquiry("status-" + UUID.randomUUID(), COMPLAINT)).body());
        String id = receipt.path("enquiryId").asText();
        String token = receipt.path("trackingToken").asText();

        HttpResponse<String> found = get("/api/enquiries/" + id + "/status?token=" + token);

        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode status = json.readTree(found.body());
        assertThat(status.path("enquiryId").asText()).isEqualTo(id);
        assertThat(status.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(status.path("channel").asText()).isEqualTo("portal");
        assertThat(status.path("receivedAt").asText()).isNotBlank();
        assertThat(found.body()).doesNotContain("text", "contact", "138", "token");

        HttpResponse<String> wrongToken = get("/api/enquiries/" + id + "/status?token=" + token + "x");
        HttpResponse<String> unknownId = get("/api/enquiries/" + UUID.randomUUID() + "/status?token=" + token);
        for (HttpResponse<String> response : List.of(wrongToken, unknownId)) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain("万家丽路");
        }
    }

    @Test
    void shouldRefuseAStreamedBodyOverTheLimitWith413() throws Exception {
        byte[] huge = enquiry("huge-" + UUID.randomUUID(), "噪".repeat(40_000)).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri("/api/enquiries"))
                .header("Content-Type", "application/json")
                .header("Authorization", StaffAuthentication.bearer(PORTAL))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("detail").asText()).contains("65536 bytes");
    }

    private void assertExactlyOneRecord(String id) {
        await().atMost(EVENTUALLY).during(Duration.ofSeconds(2)).until(() -> forKey(id).size() == 1);
    }

    private long storedWithExternalIdOf(String body) throws IOException {
        String externalId = json.readTree(body).path("externalId").asText();
        return mongo.count(new Query(Criteria.where("channel").is("portal").and("externalId").is(externalId)),
                "enquiries");
    }

    private List<ConsumerRecord<String, byte[]>> forKey(String key) {
        return topic.records().stream().filter(record -> key.equals(record.key())).toList();
    }

    private String enquiry(String externalId, String text) {
        ObjectNode enquiry = json.createObjectNode().put("channel", "portal").put("externalId", externalId)
                .put("subject", "夜间施工　１３８１２３４５６７８").put("text", text)
                .put("occurredAt", "2026-03-02T01:29:00Z");
        enquiry.putObject("contact").put("name", "张三").put("phone", "13812345678");
        enquiry.putObject("location").put("regionCode", "430103").put("address", "A3区万家丽路");
        return enquiry.toString();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return post(body, PORTAL);
    }

    private HttpResponse<String> post(String body, StaffMember caller) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/enquiries"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (caller != null) {
            request.header("Authorization", StaffAuthentication.bearer(caller));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
