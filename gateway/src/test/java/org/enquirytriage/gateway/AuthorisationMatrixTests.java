package org.enquirytriage.gateway;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every caller against every route, the status a user gets through the gateway. The services behind it are
 * {@link FakeServices}, which check the relayed token as the services do (channel of an enquiry, department of a
 * case); a request the gateway itself refuses never reaches them.
 */
@Import(GenerousTimeout.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class AuthorisationMatrixTests {

    private static final FakeServices SERVICES = new FakeServices();

    private static String hotlineKey;

    @RegisterExtension
    static WireMockExtension backend = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().extensions(SERVICES)).build();

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InMemoryMongo.uri("authorisation-matrix"));
        registry.add("INTAKE_URI", backend::baseUrl);
        registry.add("TRIAGE_URI", backend::baseUrl);
        registry.add("PUBLISHING_URI", backend::baseUrl);
    }

    /** Who calls: nobody, the demo users, channel keys (the demo portal key, a hotline key, an unknown one). */
    enum Caller {
        ANONYMOUS, HOUSING_STAFF, TRANSPORT_STAFF, SUPERVISOR, EDITOR, ADMIN, PORTAL_KEY, HOTLINE_KEY, UNKNOWN_KEY,
        FORGED_TOKEN
    }

    static Stream<Arguments> matrix() {
        String portal = "{\"channel\":\"portal\",\"text\":\"路灯坏了\"}";
        return Stream.of(
                // statuses for:                                      anon hous tran supv edit admn prtl hotl unkn forg
                route(HttpMethod.POST, "/api/enquiries", portal,
                                                                      401, 403, 403, 403, 403, 403, 202, 403, 401, 401),
                route(HttpMethod.POST, "/api/enquiries/batch", "[" + portal + "]",
                                                                      401, 403, 403, 403, 403, 403, 202, 403, 401, 401),
                route(HttpMethod.GET, "/api/enquiries/e-1/status", null,
                                                                      200, 200, 200, 200, 200, 200, 200, 200, 401, 401),
                route(HttpMethod.POST, "/api/enquiries/e-1/satisfaction?token=t", "{\"rating\":\"SATISFIED\"}",
                                                                      200, 200, 200, 200, 200, 200, 200, 200, 401, 401),
                route(HttpMethod.POST, "/api/channels/hotline/work-orders", "{\"channel\":\"hotline\"}",
                                                                      401, 403, 403, 403, 403, 403, 403, 202, 401, 401),
                route(HttpMethod.POST, "/open311/v2/requests.json", "{}",
                                                                      200, 200, 200, 200, 200, 200, 200, 200, 401, 401),
                route(HttpMethod.POST, "/api/channels/wechat", "<xml/>",
                                                                      200, 200, 200, 200, 200, 200, 200, 200, 401, 401),
                route(HttpMethod.GET, "/api/cases/housing-case", null,
                                                                      401, 200, 403, 200, 403, 200, 403, 403, 401, 401),
                route(HttpMethod.GET, "/api/cases?department=housing-construction", null,
                                                                      401, 200, 403, 200, 403, 200, 403, 403, 401, 401),
                route(HttpMethod.POST, "/api/cases/housing-case/transfer", "{\"to\":\"transport\"}",
                                                                      401, 200, 403, 200, 403, 200, 403, 403, 401, 401),
                route(HttpMethod.GET, "/api/routing/departments", null,
                                                                      401, 200, 200, 200, 200, 200, 403, 403, 401, 401),
                route(HttpMethod.GET, "/api/supervision/overdue", null,
                                                                      401, 200, 200, 200, 403, 200, 403, 403, 401, 401),
                route(HttpMethod.GET, "/api/routing/rules", null,
                                                                      401, 403, 403, 200, 403, 200, 403, 403, 401, 401),
                route(HttpMethod.PUT, "/api/routing/rules", "{\"rules\":[]}",
                                                                      401, 403, 403, 403, 403, 200, 403, 403, 401, 401),
                route(HttpMethod.GET, "/api/admin/channel-keys", null,
                                                                      401, 403, 403, 403, 403, 200, 403, 403, 401, 401),
                route(HttpMethod.POST, "/api/admin/channel-keys", "{\"channel\":\"sms\",\"description\":\"matrix\"}",
                                                                      401, 403, 403, 403, 403, 201, 403, 403, 401, 401),
                route(HttpMethod.GET, "/api/audit", null,
                                                                      401, 403, 403, 200, 403, 200, 403, 403, 401, 401),
                route(HttpMethod.GET, "/api/knowledge/items?q=pension", null,
                                                                      200, 200, 200, 200, 200, 200, 200, 200, 401, 401),
                route(HttpMethod.POST, "/api/triage/models/topic", "model",
                                                                      401, 403, 403, 403, 403, 200, 403, 403, 401, 401),
                route(HttpMethod.GET, "/knowledge?q=pension", null,
                                                                      200, 200, 200, 200, 200, 200, 200, 200, 401, 401),
                route(HttpMethod.GET, "/knowledge/feed.rss", null,
                                                                      200, 200, 200, 200, 200, 200, 200, 200, 401, 401),
                route(HttpMethod.GET, "/api/publication/syndication", null,
                                                                      401, 403, 403, 403, 403, 403, 200, 200, 401, 401),
                route(HttpMethod.POST, "/api/publication/engagement", "{\"qaId\":\"qa-1\"}",
                                                                      401, 403, 403, 403, 200, 200, 200, 200, 401, 401),
                route(HttpMethod.GET, "/api/qa/drafts", null,
                                                                      401, 200, 200, 200, 200, 200, 403, 403, 401, 401))
                .flatMap(Route::cells);
    }

    @BeforeEach
    void trustTheGatewayKeys() {
        if (!SERVICES.trusts()) {
            SERVICES.trust(NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/auth/jwks").build());
        }
        backend.stubFor(any(anyUrl()).willReturn(ok()));
    }

    @ParameterizedTest(name = "{0} {1} as {3} -> {4}")
    @MethodSource("matrix")
    void shouldAnswerEachCallerOfEachRouteAsTheMatrixSays(HttpMethod method, String uri, String body, Caller caller,
            int expected) {
        int servedBefore = backend.findAll(anyRequestedFor(anyUrl())).size();
        WebTestClient.RequestBodySpec request = client.method(method).uri(uri);
        authenticate(request, caller);
        if (body != null) {
            request.contentType(body.startsWith("<") ? MediaType.APPLICATION_XML : MediaType.APPLICATION_JSON)
                    .bodyValue(body);
        }

        var result = request.exchange().expectBody(String.class).returnResult();

        assertThat(result.getStatus().value()).as("%s %s as %s: %s", method, uri, caller, result.getResponseBody())
                .isEqualTo(expected);
        boolean servedByGateway = uri.startsWith("/api/admin") || uri.startsWith("/api/audit");
        boolean refusedByGateway = expected == 401 || (expected == 403 && !reachesServiceWhenRefused(uri, caller));
        int served = backend.findAll(anyRequestedFor(anyUrl())).size() - servedBefore;
        assertThat(served).as("requests that reached the services")
                .isEqualTo(servedByGateway || refusedByGateway ? 0 : 1);
        if (expected >= 400) {
            assertThat(result.getResponseHeaders().getContentType()).isIn(MediaType.APPLICATION_PROBLEM_JSON,
                    MediaType.APPLICATION_JSON);
        }
    }

    /** The refusals that only a service can make: another department's case, another channel's enquiry. */
    private static boolean reachesServiceWhenRefused(String uri, Caller caller) {
        return caller == Caller.TRANSPORT_STAFF && uri.startsWith("/api/cases")
                || caller == Caller.HOTLINE_KEY && uri.startsWith("/api/enquiries")
                || caller == Caller.PORTAL_KEY && uri.startsWith("/api/channels/hotline");
    }

    private void authenticate(WebTestClient.RequestBodySpec request, Caller caller) {
        switch (caller) {
            case ANONYMOUS -> { }
            case HOUSING_STAFF -> request.headers(h -> h.setBearerAuth(Demo.token(client, port, "housing")));
            case TRANSPORT_STAFF -> request.headers(h -> h.setBearerAuth(Demo.token(client, port, "transport")));
            case SUPERVISOR -> request.headers(h -> h.setBearerAuth(Demo.token(client, port, "supervisor")));
            case EDITOR -> request.headers(h -> h.setBearerAuth(Demo.token(client, port, "editor")));
            case ADMIN -> request.headers(h -> h.setBearerAuth(Demo.token(client, port, "admin")));
            case PORTAL_KEY -> request.header("X-Api-Key", Demo.PORTAL_KEY);
            case HOTLINE_KEY -> request.header("X-Api-Key", hotlineKey());
            case UNKNOWN_KEY -> request.header("X-Api-Key", "etk_not-a-key-anyone-was-given");
            case FORGED_TOKEN -> request.headers(h -> h.setBearerAuth(forged(Demo.token(client, port, "admin"))));
        }
    }

    private String hotlineKey() {
        if (hotlineKey == null) {
            hotlineKey = client.post().uri("/api/admin/channel-keys")
                    .headers(h -> h.setBearerAuth(Demo.token(client, port, "admin")))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("channel", "hotline", "description", "12345 hotline adapter"))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("key").toString();
        }
        return hotlineKey;
    }

    /** The token with its signature replaced: same claims, not signed by the gateway. */
    private static String forged(String token) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    }

    private static Route route(HttpMethod method, String uri, String body, int... statuses) {
        return new Route(method, uri, body, statuses);
    }

    private record Route(HttpMethod method, String uri, String body, int[] statuses) {

        Stream<Arguments> cells() {
            assertThat(statuses).hasSize(Caller.values().length);
            return Arrays.stream(Caller.values())
                    .map(caller -> Arguments.of(method, uri, body, caller, statuses[caller.ordinal()]));
        }
    }
}
