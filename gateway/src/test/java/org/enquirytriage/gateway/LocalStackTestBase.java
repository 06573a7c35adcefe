package org.enquirytriage.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The gateway with the local profile (demo users and key) in front of one WireMock standing in for the three
 * services; the test classes that extend it share one application context.
 */
@Import(GenerousTimeout.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
abstract class LocalStackTestBase {

    // a fixed port: the extension restarts WireMock for every test class, while they share the application context
    private static final int SERVICES_PORT = freePort();

    @RegisterExtension
    static WireMockExtension services = WireMockExtension.newInstance()
            .options(wireMockConfig().port(SERVICES_PORT)).build();

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> InMemoryMongo.uri("local-stack"));
        registry.add("INTAKE_URI", services::baseUrl);
        registry.add("TRIAGE_URI", services::baseUrl);
        registry.add("PUBLISHING_URI", services::baseUrl);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String token(String username) {
        return Demo.token(client, port, username);
    }

    /** What the services use to verify the gateway's tokens: its JWK set. */
    JwtDecoder gatewayKeys() {
        return NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/auth/jwks").build();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> issueKey(String channel, String description) {
        return client.post().uri("/api/admin/channel-keys")
                .headers(headers -> headers.setBearerAuth(token("admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", channel, "description", description))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
