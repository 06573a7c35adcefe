package org.enquirytriage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The routing dashboard in a real browser (headless Chromium) against the whole system started from its jars: a
 * member of staff logs in through the gateway, sees only their department's queue (new cases appear without a
 * reload), opens a case, accepts and answers it and sees it leave the queue; asks for an extension that a supervisor
 * approves; and is told, not overwritten, when someone else changed the case first. Screenshots of the queue and of
 * a case are kept in {@code target/screenshots}. Skipped only where the machine has no Chromium and chromedriver.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTests {

    private static final String HOUSING = "housing-construction";
    private static final String TRANSPORT = "transport";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    /** The queue fetches its table every 10 seconds. */
    private static final Duration REFRESH = Duration.ofSeconds(45);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Browser> browsers = new ArrayList<>();
    private final Map<String, String> tokens = new HashMap<>();

    private EmbeddedSystem embedded;
    private RunningSystem system;

    @RegisterExtension
    final TestExecutionExceptionHandler keepEvidence = (context, failure) -> {
        for (int i = 0; i < browsers.size(); i++) {
            browsers.get(i).keepEvidence(SCREENSHOTS.resolve("failures"),
                    context.getRequiredTestMethod().getName() + "-" + i);
        }
        throw failure;
    };

    @BeforeAll
    void startSystem() throws Exception {
        assumeTrue(Browser.available(), "No headless browser here: the dashboard's browser tests need Debian's "
                + "chromium and chromium-driver (" + Browser.CHROMIUM + ", " + Browser.CHROMEDRIVER + "); "
                + "install them with: apt-get install -y chromium chromium-driver (.ci/run does)");
        embedded = EmbeddedSystem.start("dashboard");
        system = embedded.system();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }

    @AfterAll
    void stopSystem() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void shouldLetStaffWorkThroughTheirOwnDepartmentsQueue() throws Exception {
        String lift = caseOf("小区电梯", "我们小区3号楼的电梯这个月已经停了四次，物业一直说在修，老人上下楼非常困难，请住建部门督促处理。",
                HOUSING);
        caseOf("路灯不亮", "小区门口的路灯坏了一个多月，晚上出行很不安全，希望尽快修好。", HOUSING);
        caseOf("公租房申请", "请问申请公租房需要准备哪些材料？在哪里办理？", HOUSING);
        String bus = caseOf("公交末班车", "请问12路公交车的末班车是几点？最近好像提前收车了。", TRANSPORT);

        Browser clerk = browser();
        clerk.logIn("housing", RunningSystem.DEMO_PASSWORD);

        assertThat(clerk.path()).isEqualTo("/dashboard");
        assertThat(clerk.text(By.cssSelector(".who-name"))).isEqualTo("Housing clerk");
        assertThat(clerk.text(By.cssSelector(".who-role"))).isEqualTo("部门工作人员");
        assertThat(clerk.text(By.cssSelector(".who-department"))).isEqualTo("住房和城乡建设局");
        clerk.waitFor(row(lift));
        assertThat(clerk.source()).doesNotContain(bus);
        assertThat(clerk.all(By.cssSelector("tr.case-row"))).hasSizeGreaterThanOrEqualTo(3);
        assertThat(clerk.text(row(lift))).containsPattern("剩余 \\d+ (分钟|小时|天)");
        clerk.screenshot(SCREENSHOTS.resolve("queue.png"), Browser.LAPTOP.getWidth(), 1200);
        clerk.screenshot(SCREENSHOTS.resolve("queue-tablet.png"), Browser.TABLET_WIDTH, 1800);

        clerk.click(By.cssSelector("a.language"));
        clerk.waitForText(By.cssSelector("h1"), "Cases of Housing and Urban-Rural Development Bureau");
        assertThat(clerk.text(row(lift))).containsPattern("\\d+ (min|h|days?) left");
        clerk.click(By.cssSelector("a.language"));
        clerk.waitForText(By.cssSelector("h1"), "住房和城乡建设局的案件");

        clerk.script("window.notReloaded = true");
        String late = caseOf("违规改建", "楼上住户把阳台改成了厨房，墙体开裂，存在安全隐患，请住建部门查处。", HOUSING);
        clerk.waitFor(row(late), REFRESH);
        assertThat(clerk.script("return window.notReloaded === true")).isEqualTo(true);

        clerk.click(By.cssSelector(caseLink(lift)));
        clerk.waitForText(By.cssSelector(".citizen-text"), "电梯这个月已经停了四次");
        assertThat(clerk.source()).contains("处理记录", "置信度", "模型版本");
        clerk.click(By.id("action-accept"));
        clerk.waitForText(By.cssSelector(".notice-success"), "已签收");
        clerk.screenshot(SCREENSHOTS.resolve("case.png"), Browser.LAPTOP.getWidth(), 2400);

        clerk.type(By.id("answer-text"), "您好，已责成物业公司于本周内完成电梯维修，住建局将跟踪检查。");
        clerk.click(By.id("action-answer"));
        clerk.waitForText(By.cssSelector(".notice-success"), "答复已发送");
        assertThat(clerk.text(By.cssSelector(".answer-text"))).contains("已责成物业公司");

        clerk.click(By.cssSelector(".main-nav a[href='/dashboard']"));
        clerk.waitFor(row(late));
        assertThat(clerk.all(row(lift))).isEmpty();
        assertThat(apiCase(lift).path("status").asText()).isEqualTo("ANSWERED");
    }

    @Test
    void shouldLetASupervisorApproveTheExtensionStaffAskedFor() throws Exception {
        String survey = caseOf("房屋鉴定", "老旧小区楼房出现裂缝，申请进行房屋安全鉴定，需要专业机构现场勘查。", HOUSING);
        Browser clerk = browser();
        clerk.logIn("housing", RunningSystem.DEMO_PASSWORD);
        clerk.go("/dashboard/cases/" + survey);
        clerk.click(By.id("action-accept"));
        clerk.waitForText(By.cssSelector(".notice-success"), "已签收");

        clerk.click(By.xpath("//summary[normalize-space()='申请延期']"));
        clerk.type(By.id("extension-days"), "5");
        clerk.type(By.id("extension-reason"), "需要委托专业机构现场勘查");
        clerk.click(By.id("action-extension"));
        clerk.waitForText(By.cssSelector(".notice-success"), "延期申请已提交");

        Browser supervisor = browser();
        supervisor.logIn("supervisor", RunningSystem.DEMO_PASSWORD);
        assertThat(supervisor.text(By.cssSelector(".who-role"))).isEqualTo("督办人员");
        supervisor.click(By.cssSelector(".main-nav a[href='/dashboard/supervision']"));
        supervisor.waitForText(By.cssSelector(supervisionRow(survey)), "需要委托专业机构现场勘查");
        supervisor.screenshot(SCREENSHOTS.resolve("supervision.png"), Browser.LAPTOP.getWidth(), 2000);
        supervisor.click(By.cssSelector(supervisionRow(survey) + " button.approve-extension"));
        supervisor.waitForText(By.cssSelector(".notice-success"), "已批准延期");
        assertThat(supervisor.all(By.cssSelector(supervisionRow(survey)))).isEmpty();

        JsonNode approved = apiCase(survey);
        assertThat(approved.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(approved.hasNonNull("pendingExtension")).isFalse();
        assertThat(approved.path("history").findValuesAsText("action")).contains("EXTENSION_REQUESTED",
                "EXTENSION_APPROVED");
    }

    @Test
    void shouldReportAChangeSomeoneElseMadeFirstInsteadOfOverwritingIt() throws Exception {
        String noise = caseOf("物业收费", "物业公司今年突然上调物业费，没有开业主大会，请问是否合规？", HOUSING);
        post("/api/cases/" + noise + "/accept", "{}", token("housing"));
        Browser clerk = browser();
        clerk.logIn("housing", RunningSystem.DEMO_PASSWORD);
        clerk.go("/dashboard/cases/" + noise);
        clerk.waitFor(By.id("answer-text"));

        HttpResponse<String> colleague = post("/api/cases/" + noise + "/answer",
                json.createObjectNode().put("text", "物业费调整须经业主大会表决，已约谈物业公司。").toString(),
                token("housing"));
        assertThat(colleague.statusCode()).as(colleague.body()).isEqualTo(200);
        clerk.type(By.id("answer-text"), "物业费可以随时调整。");
        clerk.click(By.id("action-answer"));

        clerk.waitForText(By.id("action-error"), "此案件已被他人修改");
        assertThat(clerk.text(By.cssSelector(".answer-text"))).contains("已约谈物业公司");
        assertThat(clerk.waitFor(By.id("answer-text")).getAttribute("value")).isEqualTo("物业费可以随时调整。");
        JsonNode stored = apiCase(noise);
        assertThat(stored.path("answers")).hasSize(1);
        assertThat(stored.path("answers").get(0).path("text").asText()).contains("已约谈物业公司");
    }

    private Browser browser() throws IOException {
        Browser browser = Browser.open(system.gateway("/"));
        browsers.add(browser);
        return browser;
    }

    private static By row(String caseId) {
        return By.cssSelector("tr.case-row[data-case-id='" + caseId + "']");
    }

    private static String caseLink(String caseId) {
        return "tr.case-row[data-case-id='" + caseId + "'] a.case-link";
    }

    private static String supervisionRow(String caseId) {
        return "table.extensions tr[data-case-id='" + caseId + "']";
    }

    /**
     * Posts an enquiry as the portal and waits for its case; moves the case to the department with the supervisor's
     * re-route when the classifier's topic routed it elsewhere.
     */
    private String caseOf(String subject, String text, String department) throws Exception {
        String body = json.createObjectNode().put("channel", "portal").put("externalId", UUID.randomUUID().toString())
                .put("subject", subject).put("text", text).toString();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(system.gateway("/api/enquiries"))
                .header("Content-Type", "application/json").header("X-Api-Key", RunningSystem.DEMO_CHANNEL_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = json.readTree(accepted.body()).path("enquiryId").asText();
        JsonNode opened = await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(300))
                .until(() -> apiCaseIfThere(id), found -> found != null);
        if (!department.equals(opened.path("department").asText())) {
            HttpResponse<String> moved = post("/api/cases/" + id + "/reroute", json.createObjectNode()
                    .put("department", department).put("reason", "测试：移交到承办部门").toString(), token("supervisor"));
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }
        return id;
    }

    private JsonNode apiCase(String id) throws Exception {
        JsonNode found = apiCaseIfThere(id);
        assertThat(found).as("case %s", id).isNotNull();
        return found;
    }

    private JsonNode apiCaseIfThere(String id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(system.gateway("/api/cases/" + id))
                .header("Authorization", "Bearer " + token("supervisor")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : null;
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(system.gateway(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A token of the demo user from the gateway's built-in login, fetched once. */
    private String token(String username) throws Exception {
        String known = tokens.get(username);
        if (known != null) {
            return known;
        }
        String credentials = json.createObjectNode().put("username", username)
                .put("password", RunningSystem.DEMO_PASSWORD).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(system.gateway("/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("login: %s", response.body()).isEqualTo(200);
        String token = json.readTree(response.body()).path("access_token").asText();
        tokens.put(username, token);
        return token;
    }
}
