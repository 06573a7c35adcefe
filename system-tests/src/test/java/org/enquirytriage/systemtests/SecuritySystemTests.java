package org.enquirytriage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The authorisation and abuse probes of issue 17 against the real services, from their packaged jars: through the
 * gateway and directly at each service's port. Every refused request is answered with problem+json (never a 500),
 * and a refused post stores nothing: the same message posted properly afterwards is new (202).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySystemTests {

    /** A JWE's five parts: header {"alg":"RSA-OAEP-256","enc":"A256GCM"}, then anything. */
    private static final String JWE = "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.AAAA.AAAA.AAAA.AAAA";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    private EmbeddedSystem embedded;
    private RunningSystem system;

    @BeforeAll
    void startSystem() throws Exception {
        embedded = EmbeddedSystem.start("security");
        system = embedded.system();
    }

    @AfterAll
    void stopSystem() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void shouldRefuseChannelPostsAtIntakeWithoutTheGatewaysTokenAndStoreNothing() throws Exception {
        String externalId = "direct-" + UUID.randomUUID();
        String enquiry = enquiry(externalId, "绕过网关直接提交的消息");

        assertProblem(send(post(system.intake("/api/enquiries"), enquiry)), 401);
        assertProblem(send(post(system.intake("/api/enquiries/batch"), "[" + enquiry + "]")), 401);
        assertProblem(send(post(system.intake("/api/channels/hotline/work-orders"),
                "[{\"orderNumber\":\"" + externalId + "\",\"content\":\"直接提交的工单\"}]")), 401);
        assertProblem(send(post(system.intake("/api/enquiries"), enquiry)
                .header("Authorization", "Bearer " + forgedChannelToken("portal"))), 401);
        assertProblem(send(post(system.intake("/api/enquiries"), enquiry).header("Authorization", "Bearer " + JWE)),
                401);

        HttpResponse<String> proper = send(post(system.gateway("/api/enquiries"), enquiry)
                .header("X-Api-Key", RunningSystem.DEMO_CHANNEL_KEY));
        assertThat(proper.statusCode()).as(proper.body()).isEqualTo(202);
    }

    @Test
    void shouldRefuseAnEncryptedBearerTokenWith401EverywhereNeverA500() throws Exception {
        for (URI uri : List.of(system.gateway("/api/cases"), system.intake("/api/channels/deliveries"),
                system.triage("/api/cases"), system.publishing("/api/qa/drafts"))) {
            assertProblem(send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + JWE).GET()), 401);
        }
    }

    @Test
    void shouldGiveTheTrackingTokenOfARepeatOnlyToTheKeyThatCreatedIt() throws Exception {
        String externalId = "repeat-" + UUID.randomUUID();
        String enquiry = enquiry(externalId, "请问居住证怎么办理？");
        String anotherPortalKey = issueChannelKey("portal");

        JsonNode first = read(send(post(system.gateway("/api/enquiries"), enquiry)
                .header("X-Api-Key", RunningSystem.DEMO_CHANNEL_KEY)), 202);
        JsonNode byAnotherKey = read(send(post(system.gateway("/api/enquiries"), enquiry)
                .header("X-Api-Key", anotherPortalKey)), 200);
        JsonNode bySameKey = read(send(post(system.gateway("/api/enquiries"), enquiry)
                .header("X-Api-Key", RunningSystem.DEMO_CHANNEL_KEY)), 200);
        HttpResponse<String> otherText = send(post(system.gateway("/api/enquiries"),
                enquiry(externalId, "抢先占用编号的另一条消息")).header("X-Api-Key", anotherPortalKey));

        assertThat(byAnotherKey.path("enquiryId").asText()).isEqualTo(first.path("enquiryId").asText());
        assertThat(byAnotherKey.has("trackingToken")).isFalse();
        assertThat(bySameKey.path("trackingToken").asText()).isEqualTo(first.path("trackingToken").asText());
        assertProblem(otherText, 409);
        assertThat(otherText.body()).doesNotContain(first.path("trackingToken").asText());
    }

    @Test
    void shouldRefuseAPostAsAnotherChannelWith403() throws Exception {
        String externalId = "other-channel-" + UUID.randomUUID();
        String asWeibo = json.createObjectNode().put("channel", "weibo").put("externalId", externalId)
                .put("text", "冒充别的渠道").toString();

        assertProblem(send(post(system.gateway("/api/enquiries"), asWeibo)
                .header("X-Api-Key", RunningSystem.DEMO_CHANNEL_KEY)), 403);
        assertProblem(send(post(system.gateway("/api/channels/hotline/work-orders"),
                "[{\"orderNumber\":\"" + externalId + "\",\"content\":\"冒充热线\"}]")
                .header("X-Api-Key", RunningSystem.DEMO_CHANNEL_KEY)), 403);
    }

    @Test
    void shouldLetOnlyAnAdminUploadAModelAndReadNothingOfAnyoneElses() throws Exception {
        byte[] model = new byte[256 * 1024];
        for (String user : List.of("supervisor", "housing", "editor")) {
            assertProblem(send(HttpRequest.newBuilder(system.gateway("/api/triage/models/topic"))
                    .header("Authorization", "Bearer " + login(user))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(model))), 403);
        }
        assertProblem(send(HttpRequest.newBuilder(system.triage("/api/triage/models/topic"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(model))), 401);
    }

    @Test
    void shouldShowTheApiDescriptionOnlyToStaff() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(system.triage("/v3/api-docs")).GET()), 401);
        HttpResponse<String> staff = send(HttpRequest.newBuilder(system.triage("/v3/api-docs"))
                .header("Authorization", "Bearer " + login("supervisor")).GET());
        assertThat(staff.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldShowOpen311RequestsWithoutAddressPhotoOrExactPlace() throws Exception {
        HttpResponse<String> created = send(HttpRequest.newBuilder(system.gateway("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("service_code=environmental-protection"
                        + "&description=%E6%B2%B3%E9%81%93%E5%8F%91%E8%87%AD&lat=26.081234&long=119.304567"
                        + "&address_string=%E6%A2%85%E5%B3%B0%E6%B2%B3%E8%B7%AF12%E5%8F%B7"
                        + "&media_url=https%3A%2F%2Fexample.org%2Fhome.jpg")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).get(0).path("service_request_id").asText();

        JsonNode shown = read(send(HttpRequest.newBuilder(system.gateway("/open311/v2/requests/" + id + ".json"))
                .GET()), 200).get(0);

        assertThat(shown.path("lat").asDouble()).isEqualTo(26.081);
        assertThat(shown.path("long").asDouble()).isEqualTo(119.305);
        assertThat(shown.has("address")).isFalse();
        assertThat(shown.has("media_url")).isFalse();
    }

    private String issueChannelKey(String channel) throws IOException, InterruptedException {
        HttpResponse<String> issued = send(HttpRequest.newBuilder(system.gateway("/api/admin/channel-keys"))
                .header("Authorization", "Bearer " + login("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.createObjectNode().put("channel", channel)
                        .put("description", "a second " + channel + " adapter").toString())));
        return read(issued, 201).path("key").asText();
    }

    private String login(String user) throws IOException, InterruptedException {
        HttpResponse<String> response = send(post(system.gateway("/auth/login"), json.createObjectNode()
                .put("username", user).put("password", RunningSystem.DEMO_PASSWORD).toString()));
        return read(response, 200).path("access_token").asText();
    }

    /** A channel token as the gateway would relay it (RS256, its issuer), signed by a key nobody trusts. */
    private String forgedChannelToken(String channel) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        long now = Instant.now().getEpochSecond();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = base64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"forged\"}"
                .getBytes(StandardCharsets.UTF_8));
        String claims = base64.encodeToString(json.createObjectNode().put("iss", "enquiry-triage-gateway")
                .put("sub", "forged").put("channel", channel).put("iat", now).put("exp", now + 300)
                .set("roles", json.createArrayNode().add("CHANNEL")).toString().getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(generator.generateKeyPair().getPrivate());
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + base64.encodeToString(rsa.sign());
    }

    private String enquiry(String externalId, String text) {
        return json.createObjectNode().put("channel", "portal").put("externalId", externalId).put("text", text)
                .toString();
    }

    private static HttpRequest.Builder post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode read(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception", "\"trace\"");
    }
}
