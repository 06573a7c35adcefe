package org.enquirytriage.security;

import java.util.Map;
import java.util.stream.Stream;

import org.enquirytriage.security.test.StaffAuthentication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service reached directly, without the gateway: for each caller against each endpoint of a sample service, the
 * status the auto-configuration and the controller's own checks give.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.mvc.problemdetails.enabled=true",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri="})
class DirectAccessMatrixTests {

    private static final String NO_TOKEN = null;
    private static final String HOUSING_CASE = "/api/cases/housing/c-1";
    private static final String RULES = "/api/routing-rules";
    private static final String STATUS = "/api/enquiries/e-1/status";
    private static final String OPEN311 = "/open311/services";
    private static final String HEALTH = "/actuator/health";

    @LocalServerPort
    int port;

    @Autowired
    RestClient.Builder restClient;

    static Stream<Arguments> matrix() {
        String housing = StaffAuthentication.token(StaffAuthentication.staff("housing"));
        String transport = StaffAuthentication.token(StaffAuthentication.staff("transport"));
        String supervisor = StaffAuthentication.token(StaffAuthentication.supervisor());
        String editor = StaffAuthentication.token(StaffAuthentication.editor());
        String admin = StaffAuthentication.token(StaffAuthentication.admin());
        String channel = StaffAuthentication.token(StaffAuthentication.channel("portal"));
        String expired = StaffAuthentication.expiredToken(StaffAuthentication.admin());
        String forged = StaffAuthentication.forgedToken(StaffAuthentication.admin());
        return Stream.of(
                Arguments.of("no token", NO_TOKEN, HOUSING_CASE, 401),
                Arguments.of("expired token", expired, HOUSING_CASE, 401),
                Arguments.of("forged token", forged, HOUSING_CASE, 401),
                Arguments.of("garbage token", "not-a-jwt", HOUSING_CASE, 401),
                Arguments.of("staff of the department", housing, HOUSING_CASE, 200),
                Arguments.of("staff of another department", transport, HOUSING_CASE, 403),
                Arguments.of("supervisor", supervisor, HOUSING_CASE, 200),
                Arguments.of("editor", editor, HOUSING_CASE, 403),
                Arguments.of("admin", admin, HOUSING_CASE, 200),
                Arguments.of("channel", channel, HOUSING_CASE, 403),
                Arguments.of("no token", NO_TOKEN, RULES, 401),
                Arguments.of("staff", housing, RULES, 403),
                Arguments.of("supervisor", supervisor, RULES, 403),
                Arguments.of("admin", admin, RULES, 200),
                Arguments.of("no token", NO_TOKEN, STATUS, 200),
                Arguments.of("no token", NO_TOKEN, OPEN311, 200),
                Arguments.of("no token", NO_TOKEN, HEALTH, 200),
                Arguments.of("no token", NO_TOKEN, "/actuator/env", 401));
    }

    @ParameterizedTest(name = "{0} GET {2} -> {3}")
    @MethodSource("matrix")
    void shouldAnswerEachCallerAsTheMatrixSays(String caller, String token, String path, int expected) {
        var response = client().get().uri(path)
                .headers(headers -> bearer(headers, token))
                .exchange((request, reply) -> new Reply(reply.getStatusCode().value(),
                        reply.getHeaders().getContentType(), reply.bodyTo(String.class)));

        assertThat(response.status()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.body()).contains("\"status\":" + expected).contains("\"detail\"");
        }
    }

    @Test
    void shouldTellWhyATokenIsMissing() {
        var response = client().get().uri(HOUSING_CASE)
                .exchange((request, reply) -> new Reply(reply.getStatusCode().value(),
                        reply.getHeaders().getContentType(), reply.bodyTo(String.class)));

        assertThat(response.body()).contains("needs a valid bearer token").contains(HOUSING_CASE);
    }

    @Test
    void shouldRefuseAKeyPostingAsAnotherChannel() {
        String portal = StaffAuthentication.token(StaffAuthentication.channel("portal"));

        assertThat(post(portal, Map.of("channel", "portal"))).isEqualTo(200);
        assertThat(post(portal, Map.of("channel", "hotline"))).isEqualTo(403);
        assertThat(post(StaffAuthentication.token(StaffAuthentication.admin()), Map.of("channel", "portal")))
                .isEqualTo(403);
        assertThat(post(NO_TOKEN, Map.of("channel", "portal"))).isEqualTo(401);
    }

    private int post(String token, Map<String, String> body) {
        return client().method(HttpMethod.POST).uri("/api/enquiries")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> bearer(headers, token))
                .body(body)
                .exchange((request, reply) -> reply.getStatusCode().value());
    }

    private RestClient client() {
        return restClient.baseUrl("http://localhost:" + port).build();
    }

    private static void bearer(HttpHeaders headers, String token) {
        if (token != null) {
            headers.setBearerAuth(token);
        }
    }

    private record Reply(int status, MediaType contentType, String body) {
    }
}
