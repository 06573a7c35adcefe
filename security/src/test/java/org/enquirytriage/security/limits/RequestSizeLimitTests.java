package org.enquirytriage.security.limits;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.enquirytriage.security.PublicEndpoints;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet service with the auto-configured limit, over real HTTP: bodies streamed in chunks (no Content-Length)
 * are counted as the controller reads them; declared ones are refused before.
 */
@SpringBootTest(classes = RequestSizeLimitTests.EchoService.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.security.oauth2.resourceserver.jwt.issuer-uri=",
                "enquiry.limits.max-request-size=1KB",
                "enquiry.limits.large-requests[0].paths=/api/imports/*",
                "enquiry.limits.large-requests[0].max-size=4KB"})
class RequestSizeLimitTests {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void shouldRefuseAStreamedBodyOverTheLimitWithProblemJsonSayingTheLimit() throws Exception {
        HttpResponse<String> response = send(streamed("/api/echo", jsonOf(2_000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).isEqualTo(
                "The request body is larger than the limit of 1024 bytes.");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/echo");
    }

    @Test
    void shouldPassAStreamedBodyWithinTheLimitToTheControllerUnchanged() throws Exception {
        String body = jsonOf(1_000);

        HttpResponse<String> response = send(streamed("/api/echo", body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body())).isEqualTo(json.readTree(body));
    }

    @Test
    void shouldRefuseADeclaredBodyOverTheLimit() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/echo"))
                .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(jsonOf(2_000))).build();

        HttpResponse<String> response = send(request);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("detail").asText()).contains("limit of 1024 bytes");
    }

    @Test
    void shouldGiveALargeRequestPathItsOwnLimit() throws Exception {
        HttpResponse<String> withinItsOwn = send(streamed("/api/imports/echo", jsonOf(3_000)));
        HttpResponse<String> overItsOwn = send(streamed("/api/imports/echo", jsonOf(5_000)));

        assertThat(withinItsOwn.statusCode()).isEqualTo(200);
        assertThat(overItsOwn.statusCode()).isEqualTo(413);
        assertThat(json.readTree(overItsOwn.body()).path("detail").asText()).contains("limit of 4096 bytes");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A request whose body is sent in chunks, without a Content-Length. */
    private HttpRequest streamed(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A JSON object of about this many bytes. */
    private static String jsonOf(int bytes) {
        return "{\"text\": \"" + "x".repeat(bytes - 12) + "\"}";
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(EchoController.class)
    static class EchoService {

        @Bean
        PublicEndpoints echoEndpoints() {
            return PublicEndpoints.of("/api/echo", "/api/imports/echo");
        }
    }

    @RestController
    static class EchoController {

        @PostMapping("/api/echo")
        JsonNode echo(@RequestBody JsonNode body) {
            return body;
        }

        @PostMapping("/api/imports/echo")
        JsonNode importEcho(@RequestBody JsonNode body) {
            return body;
        }
    }
}
