package org.enquirytriage.gateway;

import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limits: 3 requests a minute per API key, 5 per client address (taken from {@code X-Forwarded-For},
 * as behind one trusted proxy, so that the test can call from several addresses).
 */
@Import(GenerousTimeout.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.rate-limit.per-api-key.capacity=3",
        "gateway.rate-limit.per-api-key.period=1m",
        "gateway.rate-limit.per-client-address.capacity=5",
        "gateway.rate-limit.per-client-address.period=1m",
        "gateway.rate-limit.trusted-proxies=1"})
@ActiveProfiles("local")
class RateLimitTests {

    @RegisterExtension
    static WireMockExtension services = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InMemoryMongo.uri("rate-limit"));
        registry.add("INTAKE_URI", services::baseUrl);
        registry.add("TRIAGE_URI", services::baseUrl);
        registry.add("PUBLISHING_URI", services::baseUrl);
    }

    @BeforeEach
    void servicesAnswer() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
    }

    @Test
    void shouldHoldTheLimitOfAKeyWithRetryAfterAndLeaveOtherKeysAlone() {
        String hotlineKey = issueKey("hotline", "198.51.100.20");
        for (int i = 0; i < 3; i++) {
            postEnquiry(Demo.PORTAL_KEY, "198.51.100.1").expectStatus().isAccepted();
        }

        postEnquiry(Demo.PORTAL_KEY, "198.51.100.1")
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", retryAfter -> assertThat(Long.parseLong(retryAfter))
                        .isBetween(1L, 60L))
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too Many Requests")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("3 requests in 1 min from this API key"));

        postEnquiry(hotlineKey, "198.51.100.2").expectStatus().isAccepted();
    }

    @Test
    void shouldHoldTheLimitOfAnAddressAndLeaveOtherAddressesAlone() {
        for (int i = 0; i < 5; i++) {
            statusLookup("203.0.113.9").expectStatus().isAccepted();
        }

        statusLookup("203.0.113.9")
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("from your address"));

        statusLookup("203.0.113.10").expectStatus().isAccepted();
    }

    @Test
    void shouldNotLimitHealthChecks() {
        for (int i = 0; i < 8; i++) {
            client.get().uri("/actuator/health").header("X-Forwarded-For", "203.0.113.50")
                    .exchange().expectStatus().isOk();
        }
    }

    private WebTestClient.ResponseSpec postEnquiry(String key, String address) {
        return client.post().uri("/api/enquiries")
                .header("X-Api-Key", key)
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "text", "路灯坏了"))
                .exchange();
    }

    private WebTestClient.ResponseSpec statusLookup(String address) {
        return client.get().uri("/api/enquiries/e-1/status")
                .header("X-Forwarded-For", address)
                .exchange();
    }

    private String issueKey(String channel, String address) {
        String admin = client.post().uri("/auth/login")
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", Demo.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Demo.LoginAnswer.class).returnResult().getResponseBody().access_token();
        return client.post().uri("/api/admin/channel-keys")
                .header("X-Forwarded-For", address)
                .headers(headers -> headers.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", channel, "description", "rate limit test"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("key").toString();
    }
}
