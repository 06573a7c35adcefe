package org.enquirytriage.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The circuit breakers and timeouts per route: a stopped service is answered 503 problem+json naming it, quickly,
 * its circuit opens, and requests go through again once it is back on the same port; a slow service is cut off at
 * its route's timeout.
 */
@Import(GenerousTimeout.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.instances.intake.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.intake.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.intake.wait-duration-in-open-state=500ms",
        "resilience4j.circuitbreaker.instances.intake.permitted-number-of-calls-in-half-open-state=1",
        "resilience4j.timelimiter.instances.triage.timeout-duration=1s"})
@ActiveProfiles("local")
class CircuitBreakerTests {

    private static final int INTAKE_PORT = freePort();

    private static WireMockServer intake = startIntake();
    private static final WireMockServer triage = new WireMockServer(wireMockConfig().dynamicPort());

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        triage.start();
        registry.add("spring.data.mongodb.uri", () -> InMemoryMongo.uri("circuit-breaker"));
        registry.add("INTAKE_URI", () -> "http://localhost:" + INTAKE_PORT);
        registry.add("TRIAGE_URI", triage::baseUrl);
    }

    @AfterAll
    static void stopBackends() {
        intake.stop();
        triage.stop();
    }

    @Test
    void shouldAnswer503QuicklyWhileAServiceIsDownAndRecoverWhenItReturns() {
        postEnquiry().expectStatus().isAccepted();

        intake.stop();
        for (int i = 0; i < 6; i++) {
            long started = System.nanoTime();
            postEnquiry()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.service").isEqualTo("intake")
                    .jsonPath("$.detail").isEqualTo(
                            "The intake service is not available at the moment. Please try again later.");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(circuitBreakers.circuitBreaker("intake").getState())
                .isIn(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN);
        postEnquiry().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueMatches("Retry-After", "[1-9][0-9]*");

        intake = startIntake();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> postEnquiry().expectStatus().isAccepted());
        assertThat(circuitBreakers.circuitBreaker("intake").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void shouldCutOffASlowServiceAtItsRouteTimeout() {
        triage.stubFor(get("/api/cases/slow").willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        long started = System.nanoTime();

        client.get().uri("/api/cases/slow")
                .headers(headers -> headers.setBearerAuth(Demo.token(client, port, "supervisor")))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("triage");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900),
                Duration.ofSeconds(4));
    }

    private WebTestClient.ResponseSpec postEnquiry() {
        return client.post().uri("/api/enquiries")
                .header("X-Api-Key", Demo.PORTAL_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "text", "路灯坏了"))
                .exchange();
    }

    private static WireMockServer startIntake() {
        WireMockServer server = new WireMockServer(wireMockConfig().port(INTAKE_PORT));
        server.start();
        server.stubFor(post("/api/enquiries").willReturn(aResponse().withStatus(202)));
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
