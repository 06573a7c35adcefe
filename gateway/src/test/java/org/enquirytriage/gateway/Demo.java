package org.enquirytriage.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The local profile's demo users and channel key, as the tests use them. */
final class Demo {

    static final String PASSWORD = "demo-password";
    static final String PORTAL_KEY = "demo-portal-key-2f6c1e9a7b3d4e58";

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Demo() {
    }

    /** A token of the demo user, logged in through {@code POST /auth/login} once per gateway. */
    static String token(WebTestClient client, int port, String username) {
        return TOKENS.computeIfAbsent(port + "/" + username, key -> login(client, username));
    }

    static String login(WebTestClient client, String username) {
        return client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody(LoginAnswer.class)
                .returnResult().getResponseBody().access_token();
    }

    /**
     * What {@code /auth/login} answers.
     *
     * @param access_token the token
     * @param token_type   Bearer
     * @param expires_in   seconds
     */
    record LoginAnswer(String access_token, String token_type, long expires_in) {
    }
}
