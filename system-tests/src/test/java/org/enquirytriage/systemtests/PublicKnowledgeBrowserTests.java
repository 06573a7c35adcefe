package org.enquirytriage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The public knowledge-base page in a real browser (headless Chromium) against the whole system started from its
 * jars: an editor publishes two reviewed items through the gateway; a citizen, without logging in, finds one by
 * asking in their own words, filters by series and opens the item's page; the feed is served too. A screenshot of
 * the page is kept in {@code target/screenshots/knowledge.png}. Skipped where the machine has no Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicKnowledgeBrowserTests {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String SERIES = "社保日课";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private EmbeddedSystem embedded;
    private RunningSystem system;
    private String editorToken;

    @BeforeAll
    void startSystem() throws Exception {
        assumeTrue(Browser.available(), "No headless browser here: the public page's browser test needs Debian's "
                + "chromium and chromium-driver; install them with: apt-get install -y chromium chromium-driver");
        embedded = EmbeddedSystem.start("knowledge");
        system = embedded.system();
    }

    @AfterAll
    void stopSystem() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void shouldLetACitizenFindPublishedAnswersWithoutLoggingIn() throws Exception {
        editorToken = login("editor");
        String card = publish("社保卡丢了怎么补办？", "携带身份证到社保经办网点或合作银行网点申请补办，补卡期间可使用电子社保卡。");
        publish("退休人员养老金资格认证怎么做？", "可通过国家社会保险公共服务平台或当地人社App进行刷脸认证，每年一次。");

        try (Browser citizen = Browser.open(system.gateway("/"))) {
            citizen.go("/knowledge");
            citizen.waitForText(By.cssSelector("article#qa-" + card + " h2"), "社保卡丢了怎么补办？");
            assertThat(citizen.path()).isEqualTo("/knowledge");

            citizen.type(By.id("q"), "社保卡遗失以后去哪里重新办理");
            citizen.click(By.cssSelector("form.search button[type=submit]"));
            citizen.waitForText(By.cssSelector("main"), "找到");
            assertThat(citizen.text(By.cssSelector("main article"))).contains("社保卡丢了怎么补办？", "携带身份证");
            citizen.screenshot(SCREENSHOTS.resolve("knowledge.png"), Browser.LAPTOP.getWidth(), 1400);

            citizen.click(By.linkText(SERIES));
            citizen.waitForText(By.cssSelector("nav.series a[aria-current]"), SERIES);
            assertThat(citizen.all(By.cssSelector("main article"))).hasSizeGreaterThanOrEqualTo(2);

            citizen.click(By.cssSelector("article#qa-" + card + " h2 a"));
            citizen.waitForText(By.cssSelector("p.answer"), "补卡期间可使用电子社保卡");
            assertThat(citizen.path()).isEqualTo("/knowledge/items/" + card);
        }
        HttpResponse<String> rss = http.send(HttpRequest.newBuilder(system.gateway("/knowledge/feed.rss")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rss.statusCode()).isEqualTo(200);
        assertThat(rss.body()).contains("<rss", "社保卡丢了怎么补办？");
    }

    /** Writes, reviews and approves an urgent item, which is published at once; answers its id. */
    private String publish(String question, String answer) throws Exception {
        ObjectNode draft = json.createObjectNode().put("question", question).put("answer", answer)
                .put("topic", "社会保障").put("series", SERIES).put("urgent", true);
        JsonNode item = call("POST", "/api/qa/items", draft);
        String id = item.path("id").asText();
        item = call("POST", "/api/qa/items/" + id + "/submit", version(item));
        // 三审: each check by another editor, the approval by one who neither wrote nor checked the item
        item = call("PUT", "/api/qa/items/" + id + "/checks/political-sensitivity", version(item).put("passed", true));
        item = call("PUT", "/api/qa/items/" + id + "/checks/policy-accuracy", version(item).put("passed", true),
                login("editor2"));
        item = call("PUT", "/api/qa/items/" + id + "/checks/confidentiality", version(item).put("passed", true),
                login("editor3"));
        call("POST", "/api/qa/items/" + id + "/approve", version(item), login("chief-editor"));
        await().atMost(EVENTUALLY).until(() -> http.send(HttpRequest.newBuilder(
                system.gateway("/api/knowledge/items/" + id)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        return id;
    }

    private ObjectNode version(JsonNode item) {
        return json.createObjectNode().put("version", item.path("version").asLong());
    }

    private JsonNode call(String method, String path, JsonNode body) throws Exception {
        return call(method, path, body, editorToken);
    }

    private JsonNode call(String method, String path, JsonNode body, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(system.gateway(path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 201);
        return json.readTree(response.body());
    }

    private String login(String username) throws Exception {
        String credentials = json.createObjectNode().put("username", username)
                .put("password", RunningSystem.DEMO_PASSWORD).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(system.gateway("/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("login: %s", response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }
}
