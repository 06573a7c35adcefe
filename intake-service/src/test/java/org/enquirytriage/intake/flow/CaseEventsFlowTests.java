package org.enquirytriage.intake.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.events.CaseAssigned;
import org.enquirytriage.events.CaseExtended;
import org.enquirytriage.events.CaseMerged;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.CaseTransferred;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.Topics;
import org.enquirytriage.intake.wechat.WeChatClient;
import org.enquirytriage.intake.wechat.WeChatTestMessages;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Back out to the citizen: the case events keep the status lookup up to date (also for an enquiry merged into
 * another case), the citizen rates the answer once, and answers are delivered through the channel (WeChat through
 * a fake of the customer-service message API, the hotline through its agents' call-back list), none dropped.
 */
class CaseEventsFlowTests extends IntakeFlowSupport {

    private static final Instant DUE = Instant.parse("2026-03-20T09:30:00Z");

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void closeTheWeChatBreaker() {
        breakers.circuitBreaker(WeChatClient.RESILIENCE).reset();
        WECHAT_API.resetAll();
    }

    @Test
    void shouldShowTheCitizenWhereTheEnquiryStandsAndTheAnswer() throws Exception {
        Receipt receipt = portalEnquiry("请问居住证怎么办理？我叫张三");
        Instant now = now();
        CaseOpened opened = opened(receipt.id(), now, "公安局");
        publish(opened);
        publish(opened);
        publish(new CaseTransferred(UUID.randomUUID().toString(), now.plusSeconds(1), receipt.id(), "公安局",
                "分拨中心", "不属于本单位", "staff-1"));
        publish(new CaseAssigned(UUID.randomUUID().toString(), now.plusSeconds(2), receipt.id(), "人社局",
                now.plusSeconds(3600), DUE, "desk"));
        publish(new CaseExtended(UUID.randomUUID().toString(), now.plusSeconds(3), receipt.id(), "人社局", 5,
                DUE.plus(7, ChronoUnit.DAYS), "需现场核实", "supervisor"));

        JsonNode open = await().atMost(EVENTUALLY).until(() -> status(receipt),
                status -> status.path("deadline").asText().equals("2026-03-27T09:30:00Z"));
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        assertThat(open.path("department").asText()).isEqualTo("人社局");
        assertThat(open.path("caseId").asText()).isEqualTo(receipt.id());
        assertThat(open.has("answer")).isFalse();

        String answerEvent = UUID.randomUUID().toString();
        CaseAnswered answered = new CaseAnswered(answerEvent, now.plusSeconds(4), receipt.id(), receipt.id(),
                "portal", "人社局", "携带身份证到派出所办理，联系电话13812345678", false, "staff-2");
        publish(answered);
        publish(answered);

        JsonNode answeredStatus = await().atMost(EVENTUALLY).until(() -> status(receipt),
                status -> status.path("status").asText().equals("ANSWERED"));
        assertThat(answeredStatus.path("answer").asText()).isEqualTo("携带身份证到派出所办理，联系电话138****5678");
        assertThat(answeredStatus.path("answeredAt").asText()).isNotBlank();
        assertThat(answeredStatus.toString()).doesNotContain("张三", "contact", "token");
        List<?> applied = enquiry(receipt.id()).get("progress", Document.class).getList("appliedEventIds",
                String.class);
        assertThat(applied).hasSize(5).doesNotHaveDuplicates();
        assertThat(get("/api/enquiries/" + receipt.id() + "/status?token=wrong").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldLetAMergedEnquiryFollowTheSurvivingCase() throws Exception {
        Receipt survivor = portalEnquiry("小区门口的路灯坏了");
        Receipt merged = portalEnquiry("路灯坏了好几天，晚上出门很危险");
        Instant now = now();
        publish(opened(survivor.id(), now, "城管局"));
        publish(opened(merged.id(), now, "城管局"));
        await().atMost(EVENTUALLY).until(() -> status(survivor).path("status").asText().equals("OPEN"));
        publish(new CaseMerged(UUID.randomUUID().toString(), now.plusSeconds(5), survivor.id(), merged.id(),
                "staff-1", "同一路灯"));

        JsonNode following = await().atMost(EVENTUALLY).until(() -> status(merged),
                status -> status.path("caseId").asText().equals(survivor.id()));
        assertThat(following.path("department").asText()).isEqualTo("城管局");

        publish(new CaseAssigned(UUID.randomUUID().toString(), now.plusSeconds(6), survivor.id(), "住建局",
                now.plusSeconds(7200), DUE, "desk"));
        await().atMost(EVENTUALLY).until(() -> status(merged).path("department").asText().equals("住建局"));
        publish(new CaseAnswered(UUID.randomUUID().toString(), now.plusSeconds(7), survivor.id(), merged.id(),
                "portal", "住建局", "已更换灯泡", false, "staff-2"));

        JsonNode answered = await().atMost(EVENTUALLY).until(() -> status(merged),
                status -> status.path("status").asText().equals("ANSWERED"));
        assertThat(answered.path("answer").asText()).isEqualTo("已更换灯泡");
        assertThat(status(survivor).path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void shouldTakeTheCitizensRatingOnceTheCaseIsAnsweredAndPublishItForTheCase() throws Exception {
        Receipt receipt = portalEnquiry("公积金提取需要什么材料？");
        String caseId = receipt.id();
        HttpResponse<String> tooEarly = rate(receipt, "{\"rating\": \"SATISFIED\"}");
        assertProblem(tooEarly, 409);

        Instant now = now();
        publish(opened(caseId, now, "公积金中心"));
        publish(new CaseAnswered(UUID.randomUUID().toString(), now.plusSeconds(1), caseId, receipt.id(), "portal",
                "公积金中心", "身份证和银行卡即可", false, "staff-1"));
        await().atMost(EVENTUALLY).until(() -> status(receipt).path("status").asText().equals("ANSWERED"));

        try (TopicReader caseEvents = new TopicReader(String.join(",", kafka.getBootstrapServers()),
                Topics.CASE_EVENTS)) {
            HttpResponse<String> rated = rate(receipt, "{\"rating\": \"BASICALLY_SATISFIED\", "
                    + "\"comment\": \"回复很快，我叫李四\"}");

            assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
            assertThat(read(rated).path("satisfaction").asText()).isEqualTo("BASICALLY_SATISFIED");
            ConsumerRecord<String, byte[]> record = await().atMost(EVENTUALLY).until(() -> caseEvents.records()
                    .stream().filter(r -> "case.satisfaction-rated.v1".equals(TopicReader.header(r, "ce_type"))
                            && caseId.equals(r.key())).toList(), records -> !records.isEmpty()).get(0);
            JsonNode event = json.readTree(record.value());
            assertThat(event.path("caseId").asText()).isEqualTo(caseId);
            assertThat(event.path("enquiryId").asText()).isEqualTo(receipt.id());
            assertThat(event.path("rating").asText()).isEqualTo("BASICALLY_SATISFIED");
            assertThat(event.path("comment").asText()).isEqualTo("回复很快，我叫李*");
        }
        assertProblem(rate(receipt, "{\"rating\": \"DISSATISFIED\"}"), 409);
        assertProblem(rate(receipt, "{\"rating\": \"AMAZING\"}"), 400);
        assertProblem(post("/api/enquiries/" + receipt.id() + "/satisfaction?token=wrong", "application/json",
                "{\"rating\": \"SATISFIED\"}"), 404);
    }

    @Test
    void shouldSendAWeChatAnswerThroughTheCustomerServiceApiWithACachedToken() throws Exception {
        WECHAT_API.stubFor(WireMock.get(urlPathEqualTo("/cgi-bin/token")).willReturn(
                okJson("{\"access_token\": \"TOKEN_C\", \"expires_in\": 7200}")));
        WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(
                aResponse().withHeader("Content-Type", "text/plain").withBody("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        String first = wechatEnquiry("oCitizenA", "小区停水了");
        answer(first, "wechat", "已通知供水公司抢修");

        await().atMost(EVENTUALLY).until(() -> delivery(first).getString("state").equals("DELIVERED"));
        int tokenRequests = WECHAT_API.findAll(getRequestedFor(urlPathEqualTo("/cgi-bin/token"))).size();
        String second = wechatEnquiry("oCitizenB", "路灯不亮");
        answer(second, "wechat", "已派人维修");
        await().atMost(EVENTUALLY).until(() -> delivery(second).getString("state").equals("DELIVERED"));

        assertThat(WECHAT_API.findAll(getRequestedFor(urlPathEqualTo("/cgi-bin/token")))).hasSize(tokenRequests);
        WECHAT_API.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .withQueryParam("access_token", equalTo("TOKEN_C"))
                .withRequestBody(equalToJson("{\"touser\": \"oCitizenA\", \"msgtype\": \"text\", "
                        + "\"text\": {\"content\": \"已通知供水公司抢修\"}}")));
        WECHAT_API.verify(getRequestedFor(urlPathEqualTo("/cgi-bin/token"))
                .withQueryParam("grant_type", equalTo("client_credential")).withQueryParam("appid", equalTo(APP_ID))
                .withQueryParam("secret", equalTo("the-app-secret")));
    }

    @Test
    void shouldFetchANewTokenWhenThePlatformCallsTheOldOneExpired() throws Exception {
        WECHAT_API.stubFor(WireMock.get(urlPathEqualTo("/cgi-bin/token")).willReturn(
                okJson("{\"access_token\": \"TOKEN_FRESH\", \"expires_in\": 7200}")));
        WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/message/custom/send")).atPriority(5).willReturn(
                okJson("{\"errcode\": 42001, \"errmsg\": \"access_token expired\"}")));
        WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/message/custom/send")).atPriority(1)
                .withQueryParam("access_token", equalTo("TOKEN_FRESH")).willReturn(okJson("{\"errcode\": 0}")));
        String id = wechatEnquiry("oCitizenC", "垃圾没人清运");
        answer(id, "wechat", "已安排清运");

        await().atMost(EVENTUALLY).until(() -> delivery(id).getString("state").equals("DELIVERED"));
        WECHAT_API.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .withQueryParam("access_token", equalTo("TOKEN_FRESH")));
    }

    @Test
    void shouldKeepAnAnswerThatCannotBeDeliveredAsFailedAndShowItToSupervisors() throws Exception {
        WECHAT_API.stubFor(WireMock.get(urlPathEqualTo("/cgi-bin/token")).willReturn(
                okJson("{\"access_token\": \"TOKEN_D\", \"expires_in\": 7200}")));
        WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(
                aResponse().withStatus(503)));
        String id = wechatEnquiry("oCitizenD", "噪音扰民");
        String answerId = answer(id, "wechat", "已责令整改");

        Document failed = await().atMost(EVENTUALLY).until(() -> delivery(id),
                delivery -> delivery.getString("state").equals("FAILED"));
        assertThat(failed.getInteger("attempts")).isEqualTo(2);
        assertThat(failed.getString("lastError")).containsPattern("503|OPEN");
        assertThat(WECHAT_API.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))).size())
                .isGreaterThanOrEqualTo(3);
        assertThat(breakers.circuitBreaker(WeChatClient.RESILIENCE).getState())
                .as("a failing API is not hammered").isEqualTo(CircuitBreaker.State.OPEN);

        HttpResponse<String> listed = getAs(StaffAuthentication.supervisor(), "/api/channels/deliveries?state=FAILED");
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode entry = findById(read(listed), answerId);
        assertThat(entry.path("enquiryId").asText()).isEqualTo(id);
        assertThat(entry.path("recipient").asText()).isNotEqualTo("oCitizenD").contains("***");
        assertThat(entry.path("lastError").asText()).isEqualTo(failed.getString("lastError"));
        assertProblem(getAs(StaffAuthentication.staff("hotline"), "/api/channels/deliveries?state=FAILED"), 403);
        assertProblem(get("/api/channels/deliveries?state=FAILED"), 401);
        assertThat(get("/actuator/prometheus").body()).containsPattern(
                "deliveries_failed_total\\{[^}]*channel=\"wechat\"[^}]*} [1-9]");

        WECHAT_API.resetAll();
        WECHAT_API.stubFor(WireMock.get(urlPathEqualTo("/cgi-bin/token")).willReturn(
                okJson("{\"access_token\": \"TOKEN_D\", \"expires_in\": 7200}")));
        WECHAT_API.stubFor(WireMock.post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0}")));
        breakers.circuitBreaker(WeChatClient.RESILIENCE).reset();
        HttpResponse<String> retried = postAs(StaffAuthentication.supervisor(),
                "/api/channels/deliveries/" + answerId + "/retry");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        await().atMost(EVENTUALLY).until(() -> delivery(id).getString("state").equals("DELIVERED"));
    }

    @Test
    void shouldPutAnsweredHotlineOrdersOnTheAgentsCallBackList() throws Exception {
        String order = "CB-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode row = read(post("/api/channels/hotline/work-orders", "application/json",
                "[{\"orderNumber\": \"" + order + "\", \"content\": \"楼道灯坏了\", \"callerPhone\": \"13812345678\"}]"))
                .path("rows").get(0);
        String id = row.path("enquiryId").asText();
        String answerId = answer(id, "hotline", "物业已更换");

        JsonNode callback = await().atMost(EVENTUALLY).until(
                () -> findById(read(getAs(StaffAuthentication.staff("hotline"), "/api/channels/hotline/callbacks")),
                        answerId), found -> found != null);
        assertThat(callback.path("orderNumber").asText()).isEqualTo(order);
        assertThat(callback.path("callerPhone").asText()).isEqualTo("13812345678");
        assertThat(callback.path("answer").asText()).isEqualTo("物业已更换");
        assertProblem(getAs(StaffAuthentication.staff("housing"), "/api/channels/hotline/callbacks"), 403);
        assertProblem(get("/api/channels/hotline/callbacks"), 401);

        HttpResponse<String> done = postAs(StaffAuthentication.staff("hotline"),
                "/api/channels/hotline/callbacks/" + answerId + "/done");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(read(done).path("state").asText()).isEqualTo("DELIVERED");
        assertThat(findById(read(getAs(StaffAuthentication.supervisor(), "/api/channels/hotline/callbacks")),
                answerId)).isNull();
        assertProblem(postAs(StaffAuthentication.staff("hotline"), "/api/channels/hotline/callbacks/" + answerId
                + "/done"), 409);
    }

    private String wechatEnquiry(String openid, String text) throws Exception {
        String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String xml = WeChatTestMessages.text(openid, text, msgId);
        HttpResponse<String> response = post(WeChatTestMessages.safeModePath(TOKEN, AES_KEY, APP_ID, xml), "text/xml",
                WeChatTestMessages.safeModeBody(AES_KEY, APP_ID, xml));
        assertThat(response.body()).isEqualTo("success");
        return enquiries("wechat", msgId).get(0).getString("_id");
    }

    private String answer(String enquiryId, String channel, String text) throws Exception {
        Instant now = now();
        publish(opened(enquiryId, now, "城管局"));
        String eventId = UUID.randomUUID().toString();
        publish(new CaseAnswered(eventId, now.plusSeconds(1), enquiryId, enquiryId, channel, "城管局", text, false,
                "staff-1"));
        return eventId;
    }

    private Document delivery(String enquiryId) {
        return await().atMost(EVENTUALLY).until(() -> mongo.findOne(new Query(Criteria.where("enquiryId")
                .is(enquiryId)), Document.class, "deliveries"), found -> found != null);
    }

    private static JsonNode findById(JsonNode list, String id) {
        for (JsonNode each : list) {
            if (each.path("id").asText().equals(id)) {
                return each;
            }
        }
        return null;
    }

    private Receipt portalEnquiry(String text) throws Exception {
        JsonNode receipt = read(post("/api/enquiries", "application/json", json.createObjectNode()
                .put("channel", "portal").put("externalId", UUID.randomUUID().toString()).put("text", text)
                .toString()));
        return new Receipt(receipt.path("enquiryId").asText(), receipt.path("trackingToken").asText());
    }

    private JsonNode status(Receipt receipt) throws Exception {
        return read(get("/api/enquiries/" + receipt.id() + "/status?token=" + receipt.token()));
    }

    private HttpResponse<String> rate(Receipt receipt, String body) throws Exception {
        return post("/api/enquiries/" + receipt.id() + "/satisfaction?token=" + receipt.token(), "application/json",
                body);
    }

    private static CaseOpened opened(String id, Instant at, String department) {
        return new CaseOpened(UUID.randomUUID().toString(), at, id, id, "portal", null, "…", null, null,
                new Classification(EnquiryKind.POLICY_QUESTION, "劳动和社会保障", Priority.NORMAL, 0.8, "test",
                        List.of()), department, at.plus(Duration.ofHours(8)), DUE);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private record Receipt(String id, String token) {
    }
}
