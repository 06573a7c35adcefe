package org.enquirytriage.intake.flow;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * What the intake flow tests share, so that they share one application context: the service on a random port
 * against an embedded Kafka broker and the in-memory MongoDB stand-in, the WeChat channel configured with the
 * official sample's token, EncodingAESKey and AppID, its API faked by WireMock, and deliveries retried quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure
@AutoConfigureObservability
abstract class IntakeFlowSupport {

    static final String TOKEN = "spamtest";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APP_ID = "wx2c2769f8efd9abc2";

    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private static final Pattern CHANNEL_FIELD = Pattern.compile("\"channel\"\\s*:\\s*\"([^\"]+)\"");

    static final WireMockServer WECHAT_API = new WireMockServer(options().dynamicPort());

    static {
        WECHAT_API.start();
        Runtime.getRuntime().addShutdownHook(new Thread(WECHAT_API::stop));
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("intake.wechat.token", () -> TOKEN);
        registry.add("intake.wechat.aes-key", () -> AES_KEY);
        registry.add("intake.wechat.app-id", () -> APP_ID);
        registry.add("intake.wechat.app-secret", () -> "the-app-secret");
        registry.add("intake.wechat.api-base-url", WECHAT_API::baseUrl);
        registry.add("intake.delivery.first-backoff", () -> "100ms");
        registry.add("intake.delivery.max-attempts", () -> "2");
        registry.add("intake.delivery.poll-interval", () -> "200ms");
        registry.add("resilience4j.retry.instances.wechat.wait-duration", () -> "10ms");
    }

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    ObjectMapper json;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaConnectionDetails kafka;

    @Autowired
    KafkaTemplate<String, byte[]> kafkaTemplate;

    @Autowired
    CloudEventCodec codec;

    @LocalServerPort
    int port;

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Posts as a caller of the path would: a channel's post with that channel adapter's token (the hotline's for its
     * work orders, otherwise the first {@code "channel"} of the body, {@code portal} when there is none), anything
     * else without a token.
     */
    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String channel = channelPostingTo(path, new String(body, StandardCharsets.UTF_8));
        if (channel != null) {
            request.header("Authorization", StaffAuthentication.bearer(StaffAuthentication.channel(channel)));
        }
        return send(request);
    }

    private static String channelPostingTo(String path, String body) {
        if (path.startsWith("/api/channels/hotline/")) {
            return "hotline";
        }
        if (!path.equals("/api/enquiries") && !path.equals("/api/enquiries/batch")) {
            return null;
        }
        Matcher channel = CHANNEL_FIELD.matcher(body);
        return channel.find() ? channel.group(1) : "portal";
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> getAs(StaffMember staff, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", StaffAuthentication.bearer(staff)).GET());
    }

    HttpResponse<String> postAs(StaffMember staff, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", StaffAuthentication.bearer(staff))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    JsonNode read(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    /** Publishes a case event on its topic as triage would, and waits for the broker to take it. */
    void publish(DomainEvent event) throws Exception {
        kafkaTemplate.send(codec.toRecord(codec.toOutbox(event))).get(10, TimeUnit.SECONDS);
    }

    Document enquiry(String id) {
        return mongo.findById(id, Document.class, "enquiries");
    }

    List<Document> enquiries(String channel, String externalId) {
        return mongo.find(new Query(Criteria.where("channel").is(channel).and("externalId").is(externalId)),
                Document.class, "enquiries");
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains("\"detail\"")
                .doesNotContain("\"trace\"", "Exception");
    }
}
