package org.enquirytriage.intake.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.enquirytriage.events.Topics;
import org.enquirytriage.testsupport.EmbeddedMongoConfiguration;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaZKBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * "Accepted with 2xx is eventually a case", for a batch posted while the broker is down: the batch is answered item
 * by item, every stored enquiry keeps its event in its outbox, and once a broker comes up where intake
 * expects it the relay's sweep sends every one of them and empties the outboxes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EmbeddedMongoConfiguration.class)
@AutoConfigureObservability
class BrokerOutageDuringBatchTests {

    private static int brokerPort;

    @DynamicPropertySource
    static void brokerNotThereYet(DynamicPropertyRegistry registry) throws IOException {
        brokerPort = AbsentBroker.configure(registry);
        registry.add("messaging.outbox.sweep-interval", () -> "500ms");
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ObjectMapper json;

    @Test
    void shouldKeepTheEventsOfABatchPostedWhileTheBrokerIsDownAndSendThemOnceItIsBack() throws Exception {
        String run = UUID.randomUUID().toString();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 60; i++) {
            body.append("{\"channel\": \"portal\", \"externalId\": \"down-").append(run).append('-').append(i)
                    .append("\", \"text\": \"Kafka 不在时批量来信第 ").append(i).append(" 条\"},");
        }
        body.append("{\"channel\": \"portal\", \"externalId\": \"down-").append(run)
                .append("-0\", \"text\": \"Kafka 不在时批量来信第 0 条\"}, {\"channel\": \"portal\"}]");

        HttpResponse<String> response = post(body.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("accepted").asInt()).isEqualTo(60);
        assertThat(result.path("duplicates").asInt()).isEqualTo(1);
        assertThat(result.path("rejected").asInt()).isEqualTo(1);
        List<String> ids = result.path("items").findValuesAsText("enquiryId").stream().distinct().toList();
        assertThat(ids).hasSize(60).allSatisfy(id -> assertThat(outbox(id)).hasSize(1));

        // a ZooKeeper-mode broker: the KRaft one of spring-kafka-test does not take a fixed port
        EmbeddedKafkaZKBroker broker = new EmbeddedKafkaZKBroker(1, false, 2, Topics.ENQUIRY_RECEIVED);
        broker.kafkaPorts(brokerPort).brokerListProperty("intake.test.outage-broker");
        // the topic is created by the broker's start, not by the first metadata request of intake's producer
        broker.brokerProperty("auto.create.topics.enable", "false");
        broker.afterPropertiesSet();
        try (TopicReader received = new TopicReader(broker.getBrokersAsString(), Topics.ENQUIRY_RECEIVED)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(received.records().stream()
                    .map(ConsumerRecord::key).filter(ids::contains).distinct()).hasSize(60));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(ids).allSatisfy(id -> assertThat(outbox(id)).isEmpty()));
        }
        finally {
            broker.destroy();
        }
    }

    private List<Document> outbox(String id) {
        return mongo.findById(id, Document.class, "enquiries").getList("outbox", Document.class);
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return AbsentBroker.post(http, port, "/api/enquiries/batch", body);
    }
}
