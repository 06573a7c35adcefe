package org.enquirytriage.intake.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.enquirytriage.intake.wechat.WeChatTestMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input thrown at every endpoint that takes a body: broken JSON and XML, wrong types, huge and deeply
 * nested bodies, invalid UTF-8, an XML entity bomb and an external entity. Each gets a 4xx with problem+json
 * (Open311 answers in its spec's error format instead), and the service stays up.
 */
class MalformedInputTests extends IntakeFlowSupport {

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final byte[] INVALID_UTF8 = { '{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
        '"', '}' };

    static List<Object[]> jsonEndpoints() {
        return List.of(new Object[] { "/api/enquiries" }, new Object[] { "/api/enquiries/batch" },
                new Object[] { "/api/channels/hotline/work-orders" },
                new Object[] { "/api/enquiries/00000000-0000-0000-0000-000000000000/satisfaction?token=t" });
    }

    static Map<String, byte[]> badJson() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        return Map.of(
                "broken", "{\"channel\": \"portal\", \"text\": ".getBytes(StandardCharsets.UTF_8),
                "wrong types", "{\"channel\": 5, \"externalId\": [1], \"text\": {\"a\": 1}, \"rating\": 7}"
                        .getBytes(StandardCharsets.UTF_8),
                "deeply nested", deep.getBytes(StandardCharsets.UTF_8),
                "invalid UTF-8", INVALID_UTF8,
                "huge", ("{\"text\": \"" + "噪".repeat(800_000) + "\"}").getBytes(StandardCharsets.UTF_8),
                "not JSON at all", "<xml/>".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void theServiceStaysUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonEndpoints")
    void shouldAnswerBadJsonWithA4xxProblem(String path) throws Exception {
        for (Map.Entry<String, byte[]> bad : badJson().entrySet()) {
            HttpResponse<String> response = post(path, JSON, bad.getValue());

            assertThat(response.statusCode()).as("%s: %s", bad.getKey(), response.body()).isBetween(400, 499);
            assertProblem(response, response.statusCode());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badXml")
    void shouldAnswerBadXmlAtTheWeChatCallbackWithA4xxProblem(String name, String xml) throws Exception {
        HttpResponse<String> response = post(WeChatTestMessages.safeModePath(TOKEN, AES_KEY, APP_ID, "<xml/>"),
                "text/xml", xml);

        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("root:");
    }

    static List<Object[]> badXml() {
        return List.of(
                new Object[] { "broken", "<xml><MsgType>text</MsgType><Content>unclosed</xml>" },
                new Object[] { "entity bomb", """
                        <?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">
                        <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>
                        <xml><MsgType>text</MsgType><MsgId>1</MsgId><FromUserName>o</FromUserName>
                        <Content>&d;</Content></xml>""" },
                new Object[] { "external entity", """
                        <?xml version="1.0"?><!DOCTYPE x [<!ENTITY s SYSTEM "file:///etc/passwd">]>
                        <xml><MsgType>text</MsgType><MsgId>2</MsgId><FromUserName>o</FromUserName>
                        <Content>&s;</Content></xml>""" },
                new Object[] { "deeply nested", "<xml>" + "<a>".repeat(5_000) + "</a>".repeat(5_000) + "</xml>" },
                new Object[] { "a text message without a MsgId",
                    "<xml><MsgType>text</MsgType><FromUserName>o</FromUserName><Content>hi</Content></xml>" },
                new Object[] { "not XML", "{\"MsgType\": \"text\"}" });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badWeChatBodies")
    void shouldAnswerBadBytesAtTheWeChatCallbackWithA4xxProblem(String name, byte[] body) throws Exception {
        HttpResponse<String> response = post(WeChatTestMessages.safeModePath(TOKEN, AES_KEY, APP_ID, "<xml/>"),
                "text/xml", body);

        assertThat(response.statusCode()).isBetween(400, 499);
        assertProblem(response, response.statusCode());
    }

    static List<Object[]> badWeChatBodies() {
        return List.of(new Object[] { "invalid UTF-8", new byte[] { '<', 'x', 'm', 'l', '>', (byte) 0xC3,
            (byte) 0x28, '<', '/', 'x', 'm', 'l', '>' } },
                new Object[] { "huge", ("<xml><Content>" + "x".repeat(100_000) + "</Content></xml>")
                        .getBytes(StandardCharsets.UTF_8) },
                new Object[] { "empty", new byte[0] });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badForms")
    void shouldAnswerBadOpen311RequestsInTheSpecsErrorFormat(String name, String contentType, byte[] body)
            throws Exception {
        HttpResponse<String> response = post("/open311/v2/requests.json", contentType, body);

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.body()).containsPattern("\"(code|status)\":4\\d\\d");
    }

    static List<Object[]> badForms() {
        return List.of(
                new Object[] { "no fields", FORM, new byte[0] },
                new Object[] { "wrong types", FORM, "service_code=transport&description=x&lat=north&long=[]"
                        .getBytes(StandardCharsets.UTF_8) },
                new Object[] { "broken percent-encoding", FORM, "service_code=%ZZ&description=%"
                        .getBytes(StandardCharsets.UTF_8) },
                new Object[] { "invalid UTF-8", FORM, "service_code=transport&lat=1&long=1&description=%C3%28"
                        .getBytes(StandardCharsets.UTF_8) },
                new Object[] { "huge", FORM, ("service_code=transport&lat=1&long=1&description="
                        + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8) },
                new Object[] { "JSON instead of a form", JSON, "{\"service_code\": \"transport\"}"
                        .getBytes(StandardCharsets.UTF_8) });
    }
}
