package org.enquirytriage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * Nothing lost while Kafka is down: the broker (a real one, in a process of its own) is stopped, enquiries are
 * posted through the gateway and all accepted with 202, their events wait in intake's outbox; the broker is started
 * again on the same port with its data, and every enquiry becomes exactly one case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerOutageSystemTests {

    private static final int ENQUIRIES = 8;
    private static final String[] COMPLAINTS = { "小区门口的路灯坏了一个月了", "工地夜间施工噪音扰民", "公交站台顶棚漏雨",
        "河道发黑发臭", "学校门口交通拥堵", "菜市场占道经营", "医院挂号排队太久", "公园健身器材损坏" };

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private LocalKafkaProcess kafka;
    private MongoServer mongo;
    private MongoClient mongoClient;
    private RunningSystem system;

    @BeforeAll
    void startSystem() throws Exception {
        Path logs = Path.of("target", "system-tests", "broker-outage");
        kafka = LocalKafkaProcess.start(logs);
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        system = new RunningSystem(kafka.bootstrapServers(), "127.0.0.1:" + address.getPort(), logs);
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        if (mongoClient != null) {
            mongoClient.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldTurnEveryEnquiryPostedWhileKafkaWasDownIntoExactlyOneCase() throws Exception {
        kafka.stop();

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ENQUIRIES; i++) {
            HttpResponse<String> response = post(COMPLAINTS[i] + "（第" + (i + 1) + "封）");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            ids.add(json.readTree(response.body()).path("enquiryId").asText());
        }
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
        for (String id : ids) {
            Document stored = mongoClient.getDatabase("intake").getCollection("enquiries").find(Filters.eq("_id", id))
                    .first();
            assertThat(stored).as("enquiry %s stored", id).isNotNull();
            assertThat(stored.getList("outbox", Document.class)).as("events of %s wait in the outbox", id)
                    .isNotEmpty();
        }

        kafka.start();

        await("every enquiry a case").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> cases(ids) == ENQUIRIES);
        await("every outbox emptied").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> mongoClient.getDatabase("intake").getCollection("enquiries")
                        .countDocuments(Filters.and(Filters.in("_id", ids), Filters.exists("outbox.0"))) == 0);
        for (String id : ids) {
            assertThat(mongoClient.getDatabase("triage").getCollection("cases")
                    .countDocuments(Filters.eq("enquiryIds", id))).as("cases holding enquiry %s", id).isEqualTo(1);
        }
        assertThat(mongoClient.getDatabase("intake").getCollection("enquiries")
                .countDocuments(Filters.in("_id", ids))).isEqualTo(ENQUIRIES);
    }

    private long cases(List<String> ids) {
        return mongoClient.getDatabase("triage").getCollection("cases").countDocuments(Filters.in("_id", ids));
    }

    private HttpResponse<String> post(String text) throws Exception {
        String body = json.createObjectNode().put("channel", "portal").put("externalId", "outage-" + UUID.randomUUID())
                .put("subject", "来信").put("text", text).toString();
        return http.send(HttpRequest.newBuilder(system.gateway("/api/enquiries"))
                .header("Content-Type", "application/json").header("X-Api-Key", RunningSystem.DEMO_CHANNEL_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
