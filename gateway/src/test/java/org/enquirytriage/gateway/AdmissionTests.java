package org.enquirytriage.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Admission control: with at most two requests in progress for intake, posts beyond them are answered 503
 * problem+json with {@code Retry-After} without reaching intake, counted by reason, while the other services' routes
 * stay open and intake takes posts again once the two are answered.
 */
@Import(GenerousTimeout.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.admission.max-concurrent.intake=2",
        "gateway.admission.retry-after=2s"})
@ActiveProfiles("local")
class AdmissionTests {

    private static final int SLOW_MILLIS = 3_000;

    @RegisterExtension
    static WireMockExtension services = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @Autowired
    WebTestClient client;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InMemoryMongo.uri("admission"));
        registry.add("INTAKE_URI", services::baseUrl);
        registry.add("TRIAGE_URI", services::baseUrl);
        registry.add("PUBLISHING_URI", services::baseUrl);
    }

    @BeforeEach
    void intakeIsSlow() {
        services.resetAll();
        services.stubFor(post("/api/enquiries").willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"enquiryId\":\"e-1\"}")
                .withFixedDelay(SLOW_MILLIS)));
        services.stubFor(get(urlPathEqualTo("/api/knowledge/search")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[]")));
    }

    @Test
    void shouldRefuseWhatIsBeyondTheLimitAtOnceAndTakePostsAgainOnceTheLimitIsFree() {
        double refusedBefore = refused();
        WebClient http = WebClient.create("http://localhost:" + port);

        List<Answer> answers = Flux.range(0, 6)
                .flatMap(i -> http.post().uri("/api/enquiries").header("X-Api-Key", Demo.PORTAL_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("channel", "portal", "externalId", "a-" + i, "text", "路灯坏了"))
                        .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                                .map(body -> new Answer(response.statusCode().value(),
                                        response.headers().asHttpHeaders(), body))), 6)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(answers).filteredOn(answer -> answer.status() == 202).hasSize(2);
        List<Answer> refused = answers.stream().filter(answer -> answer.status() == 503).toList();
        assertThat(refused).hasSize(4).allSatisfy(answer -> {
            assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
            assertThat(answer.body()).contains("\"service\":\"intake\"").contains("/problems/overloaded");
        });
        services.verify(2, postRequestedFor(urlPathEqualTo("/api/enquiries")));
        assertThat(refused() - refusedBefore).isEqualTo(4);

        client.post().uri("/api/enquiries").header("X-Api-Key", Demo.PORTAL_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "externalId", "a-after", "text", "路灯坏了"))
                .exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void shouldKeepTheOtherServicesOpenWhileIntakeIsFull() {
        WebClient http = WebClient.create("http://localhost:" + port);
        Mono<Integer> slowPosts = Flux.range(0, 2)
                .flatMap(i -> http.post().uri("/api/enquiries").header("X-Api-Key", Demo.PORTAL_KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("channel", "portal", "externalId", "b-" + i, "text", "路灯坏了"))
                        .exchangeToMono(response -> response.releaseBody()
                                .thenReturn(response.statusCode().value())))
                .reduce(0, Integer::sum);
        CompletableFuture<Integer> inProgress = slowPosts.toFuture();
        await().atMost(Duration.ofSeconds(10)).until(() -> services.getAllServeEvents().size() >= 2);

        client.get().uri("/api/knowledge/search?q=路灯").exchange().expectStatus().isOk();

        services.verify(1, getRequestedFor(urlPathEqualTo("/api/knowledge/search")));
        assertThat(inProgress.join()).isEqualTo(2 * 202);
    }

    private double refused() {
        Counter counter = meters.find("admission.refused").tag("service", "intake").tag("reason", "concurrency-limit")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private record Answer(int status, HttpHeaders headers, String body) {
    }
}
