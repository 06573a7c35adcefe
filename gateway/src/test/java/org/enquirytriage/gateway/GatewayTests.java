package org.enquirytriage.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

@Import(GenerousTimeout.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@ActiveProfiles("local")
class GatewayTests {

    private static final int LIMIT = 64 * 1024;

    @RegisterExtension
    static WireMockExtension intake = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension triage = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) throws IOException {
        registry.add("spring.data.mongodb.uri", () -> InMemoryMongo.uri("gateway-tests"));
        registry.add("INTAKE_URI", intake::baseUrl);
        registry.add("TRIAGE_URI", triage::baseUrl);
        int closedPort = closedPort();
        registry.add("PUBLISHING_URI", () -> "http://localhost:" + closedPort);
    }

    @Test
    void shouldProxyAnEnquiryToIntakeKeepingBodyStatusAndLocation() {
        intake.stubFor(post("/api/enquiries").willReturn(aResponse()
                .withStatus(202)
                .withHeader("Location", "/api/enquiries/e-1")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"enquiryId\":\"e-1\"}")));

        client.post().uri("/api/enquiries")
                .header("X-Request-Id", "test-request-1")
                .header("X-Api-Key", Demo.PORTAL_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"channel\":\"portal\",\"text\":\"When is the pension paid?\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Location", "/api/enquiries/e-1")
                .expectHeader().valueEquals("X-Request-Id", "test-request-1")
                .expectBody().json("{\"enquiryId\":\"e-1\"}");

        intake.verify(postRequestedFor(urlEqualTo("/api/enquiries"))
                .withRequestBody(equalToJson("{\"channel\":\"portal\",\"text\":\"When is the pension paid?\"}"))
                .withHeader("X-Request-Id", equalTo("test-request-1"))
                .withHeader("X-Forwarded-For", matching(".+"))
                .withHeader("Authorization", matching("Bearer .+"))
                .withoutHeader("X-Api-Key"));
    }

    @Test
    void shouldProxyACaseLookupToTriage() {
        triage.stubFor(get("/api/cases/c-42").willReturn(okJson("{\"caseId\":\"c-42\",\"status\":\"OPEN\"}")));

        String token = Demo.token(client, port, "supervisor");

        client.get().uri("/api/cases/c-42")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .expectBody().json("{\"caseId\":\"c-42\",\"status\":\"OPEN\"}");

        triage.verify(getRequestedFor(urlEqualTo("/api/cases/c-42"))
                .withHeader("X-Request-Id", matching(".+"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void shouldPassAServiceErrorThroughUnchanged() {
        triage.stubFor(get("/api/cases/missing").willReturn(aResponse()
                .withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No case missing.\"}")));

        client.get().uri("/api/cases/missing")
                .headers(headers -> headers.setBearerAuth(Demo.token(client, port, "supervisor")))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No case missing.");
    }

    @Test
    void shouldRefuseABodyOverTheLimitByItsContentLength() {
        client.post().uri("/api/enquiries")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new byte[LIMIT + 1])
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.title").isEqualTo("Request Body Too Large")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(LIMIT + " bytes"))
                .jsonPath("$.instance").isEqualTo("/api/enquiries");

        intake.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldRefuseAStreamedBodyOverTheLimit() {
        EntityExchangeResult<byte[]> result = client.post().uri("/api/enquiries")
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks(4, LIMIT / 4 + 1)))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(LIMIT + " bytes"))
                .returnResult();

        assertThat(result.getRequestHeaders().getContentLength()).isEqualTo(-1);
        intake.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void shouldProxyAStreamedBodyUnderTheLimit() {
        intake.stubFor(post("/api/enquiries").willReturn(aResponse().withStatus(202)));

        EntityExchangeResult<byte[]> result = client.post().uri("/api/enquiries")
                .header("X-Api-Key", Demo.PORTAL_KEY)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromDataBuffers(chunks(4, 1024)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().returnResult();

        assertThat(result.getRequestHeaders().getContentLength()).isEqualTo(-1);
        assertThat(intake.findAll(postRequestedFor(urlEqualTo("/api/enquiries"))))
                .singleElement()
                .satisfies(request -> assertThat(request.getBody()).hasSize(4 * 1024));
    }

    @Test
    void shouldAnswerQuicklyWithAProblemNamingTheServiceThatIsDown() {
        String token = Demo.token(client, port, "editor");
        long started = System.nanoTime();

        client.get().uri("/api/qa/items?series=pensions")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://enquirytriage.org/problems/service-unavailable")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.service").isEqualTo("publishing")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("publishing"))
                .jsonPath("$.instance").isEqualTo("/api/qa/items");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void shouldAnswerAnUnknownPathWithAProblem() {
        client.get().uri("/api/nowhere")
                .headers(headers -> headers.setBearerAuth(Demo.token(client, port, "admin")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.title").isEqualTo("Not Found")
                .jsonPath("$.detail").isEqualTo("The gateway has no route for /api/nowhere.")
                .jsonPath("$.instance").isEqualTo("/api/nowhere");
    }

    @Test
    void shouldNotServeTheFallbackAsAPathOfItsOwn() {
        client.get().uri("/fallback/intake")
                .headers(headers -> headers.setBearerAuth(Demo.token(client, port, "admin")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldExposeHealthAndPrometheusMetrics() {
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");

        client.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .contains("application=\"gateway\"")
                        .contains("resilience4j_circuitbreaker_state"));
    }

    @Test
    void shouldSendSecurityHeadersOnEveryResponse() {
        triage.stubFor(get("/api/cases/c-7").willReturn(okJson("{\"caseId\":\"c-7\"}")));

        client.get().uri("/api/cases/c-7")
                .headers(headers -> headers.setBearerAuth(Demo.token(client, port, "admin")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value("Content-Security-Policy",
                        csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"))
                .expectHeader().doesNotExist("Strict-Transport-Security");

        client.get().uri("/api/cases/c-7")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void shouldAllowCrossOriginCallsOnlyFromTheConfiguredOrigins() {
        client.options().uri("/api/cases")
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:3000");

        client.options().uri("/api/cases")
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");
    }

    private static Flux<DataBuffer> chunks(int count, int size) {
        byte[] chunk = new byte[size];
        Arrays.fill(chunk, (byte) 'x');
        return Flux.range(0, count).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.clone()));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
