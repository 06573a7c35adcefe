package org.enquirytriage.intake.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.enquirytriage.intake.outbox.EventRelay;
import org.enquirytriage.testsupport.EmbeddedMongoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Intake while Kafka is down (nothing listens where the broker should be): enquiries are still accepted with 202
 * at once, their events wait in the outbox, the gauges show how many and how old, and the {@code kafka} circuit
 * breaker opens so that requests stop adding sends to a broker that is not there. (That everything is delivered
 * once the broker is back is shown by the system test that stops and restarts a real broker.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EmbeddedMongoConfiguration.class)
@AutoConfigureObservability
class KafkaOutageTests {

    @DynamicPropertySource
    static void noBroker(DynamicPropertyRegistry registry) throws IOException {
        AbsentBroker.configure(registry);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void shouldAcceptEnquiriesKeepTheirEventsAndOpenTheBreaker() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = post("{\"channel\": \"portal\", \"externalId\": \"" + UUID.randomUUID()
                    + "\", \"text\": \"Kafka 不在时的第 " + i + " 条来信\"}");

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            ids.add(response.body().replaceAll(".*\"enquiryId\":\"([^\"]+)\".*", "$1"));
        }

        CircuitBreaker kafka = breakers.circuitBreaker(EventRelay.BREAKER);
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.getState() == CircuitBreaker.State.OPEN);
        HttpResponse<String> whileOpen = post("{\"channel\": \"portal\", \"externalId\": \"" + UUID.randomUUID()
                + "\", \"text\": \"断路器打开时的来信\"}");
        assertThat(whileOpen.statusCode()).isEqualTo(202);

        for (String id : ids) {
            Document stored = mongo.findById(id, Document.class, "enquiries");
            assertThat(stored.getList("outbox", Document.class)).hasSize(1);
        }
        assertThat(mongo.count(new Query(Criteria.where("outbox.0").exists(true)), "enquiries")).isEqualTo(7);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus");
            assertThat(metrics).containsPattern("outbox_events\\{[^}]*collection=\"enquiries\"[^}]*} 7\\.0");
            assertThat(metrics).containsPattern(
                    "outbox_oldest_age_seconds\\{[^}]*collection=\"enquiries\"[^}]*} [1-9]");
        });
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return AbsentBroker.post(http, port, "/api/enquiries", body);
    }

    private String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
