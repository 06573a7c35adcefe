package org.enquirytriage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The walking skeleton as a channel adapter sees it: an enquiry posted to the gateway becomes a case in triage and a
 * recorded question in publishing; repeats and bad input are answered as the API promises. Subclasses supply the
 * infrastructure (embedded, or containers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnquiryFlowScenarios {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String NOISE_COMPLAINT = "A市A3区万家丽路的工地每天晚上施工到凌晨两点，噪音很大，"
            + "老人小孩都睡不好觉，联系电话13812345678，请有关部门尽快处理。";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> tokens = new HashMap<>();

    protected abstract RunningSystem system();

    @Test
    void shouldTurnAPostedEnquiryIntoACaseAndARecordedQuestion() throws Exception {
        HttpResponse<String> accepted = post(enquiry(UUID.randomUUID().toString(), NOISE_COMPLAINT));

        assertThat(accepted.statusCode()).isEqualTo(202);
        String enquiryId = json.readTree(accepted.body()).path("enquiryId").asText();
        assertThat(enquiryId).isNotBlank();
        assertThat(accepted.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).contains("/api/enquiries/" + enquiryId));

        JsonNode found = await().atMost(EVENTUALLY).until(() -> getJson("/api/cases/" + enquiryId, "supervisor"),
                response -> response != null);
        assertThat(found.path("id").asText()).isEqualTo(enquiryId);
        assertThat(found.path("text").asText()).contains("万家丽路").doesNotContain("13812345678");
        assertThat(found.path("status").asText()).isNotBlank();

        JsonNode question = await().atMost(EVENTUALLY).until(() -> getJson("/api/questions/" + enquiryId, "editor"),
                response -> response != null);
        assertThat(question.path("text").asText()).contains("噪音");
    }

    @Test
    void shouldAnswerARepeatedEnquiryWithTheSameIdAndOpenOneCase() throws Exception {
        String body = enquiry("repeat-" + UUID.randomUUID(), "请问办理居住证需要哪些材料？");

        HttpResponse<String> first = post(body);
        HttpResponse<String> second = post(body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isBetween(200, 202);
        String enquiryId = json.readTree(first.body()).path("enquiryId").asText();
        assertThat(json.readTree(second.body()).path("enquiryId").asText()).isEqualTo(enquiryId);
        await().atMost(EVENTUALLY).until(() -> getJson("/api/cases/" + enquiryId, "supervisor"), response -> response != null);
        JsonNode cases = getJson("/api/cases?size=100", "supervisor");
        long opened = cases.findValues("id").stream().filter(id -> id.asText().equals(enquiryId)).count();
        assertThat(opened).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnEnquiryWithoutAChannelKey() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(system().gateway("/api/enquiries"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(enquiry("no-key", "请问"))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertProblem(response, 401);
    }

    @Test
    void shouldRefuseMalformedJsonWithAProblem() throws Exception {
        HttpResponse<String> response = post("{\"channel\": \"portal\", \"text\": ");

        assertProblem(response, 400);
    }

    @Test
    void shouldRefuseAnEnquiryWithoutTextNamingTheField() throws Exception {
        ObjectNode body = json.createObjectNode().put("channel", "portal").put("externalId", "no-text-1");

        HttpResponse<String> response = post(body.toString());

        assertProblem(response, 400);
        assertThat(response.body()).contains("text");
    }

    @Test
    void shouldRefuseABodyOverTheSizeLimit() throws Exception {
        String huge = enquiry(UUID.randomUUID().toString(), "噪".repeat(200_000));

        HttpResponse<String> response = post(huge);

        assertProblem(response, 413);
    }

    private void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private String enquiry(String externalId, String text) {
        return json.createObjectNode().put("channel", "portal").put("externalId", externalId)
                .put("subject", "来信").put("text", text).toString();
    }

    private HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(system().gateway("/api/enquiries"))
                .header("Content-Type", "application/json").header("X-Api-Key", RunningSystem.DEMO_CHANNEL_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A demo user's token from the gateway's built-in issuer, fetched once. */
    private String token(String user) throws IOException, InterruptedException {
        String token = tokens.get(user);
        if (token == null) {
            String credentials = json.createObjectNode().put("username", user)
                    .put("password", RunningSystem.DEMO_PASSWORD).toString();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(system().gateway("/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("login: %s", response.body()).isEqualTo(200);
            token = json.readTree(response.body()).path("access_token").asText();
            tokens.put(user, token);
        }
        return token;
    }

    /** The JSON at a path of the gateway as a demo user sees it, or {@code null} while it answers 404. */
    private JsonNode getJson(String path, String user) throws IOException, InterruptedException {
        URI uri = system().gateway(path);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token(user)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
