package org.enquirytriage.gateway;

import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Two instances of intake behind the gateway, as {@code scripts/run-local --instances 2} starts them: the route's URI
 * is {@code lb://intake-service} with both instances in Spring Cloud's simple discovery list, and the gateway takes
 * turns between them (round robin), so each gets half of the posts.
 */
@Import(GenerousTimeout.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class LoadBalancingTests {

    private static final int POSTS = 10;

    @RegisterExtension
    static WireMockExtension firstIntake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension secondIntake = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InMemoryMongo.uri("load-balancing"));
        registry.add("INTAKE_URI", () -> "lb://intake-service");
        registry.add("spring.cloud.discovery.client.simple.instances.intake-service[0].uri", firstIntake::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.intake-service[1].uri", secondIntake::baseUrl);
        registry.add("TRIAGE_URI", firstIntake::baseUrl);
        registry.add("PUBLISHING_URI", firstIntake::baseUrl);
    }

    @Test
    void shouldTakeTurnsBetweenTheInstancesOfAService() {
        for (WireMockExtension intake : new WireMockExtension[] { firstIntake, secondIntake }) {
            intake.stubFor(post("/api/enquiries").willReturn(aResponse().withStatus(202)
                    .withHeader("Content-Type", "application/json").withBody("{\"enquiryId\":\"e-1\"}")));
        }
        WebTestClient patient = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();

        for (int i = 0; i < POSTS; i++) {
            patient.post().uri("/api/enquiries").header("X-Api-Key", Demo.PORTAL_KEY)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("channel", "portal", "externalId", "lb-" + i, "text", "路灯坏了"))
                    .exchange()
                    .expectStatus().isAccepted();
        }

        firstIntake.verify(POSTS / 2, postRequestedFor(urlPathEqualTo("/api/enquiries")));
        secondIntake.verify(POSTS / 2, postRequestedFor(urlPathEqualTo("/api/enquiries")));
    }
}
