package org.enquirytriage.publishing.publication.outlets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.enquirytriage.publishing.publication.PublicationIntegrationTest;
import org.enquirytriage.publishing.qa.ApprovedItems;
import org.enquirytriage.publishing.qa.QaItem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

class DistributionTests extends PublicationIntegrationTest {

    @Autowired
    Distributor distributor;

    @Autowired
    ObjectMapper json;

    @BeforeAll
    static void wechatToken() {
        WECHAT.stubFor(get(urlPathEqualTo("/cgi-bin/token"))
                .willReturn(okJson("{\"access_token\":\"token-1\",\"expires_in\":7200}")));
    }

    @Test
    void shouldDeliverToWeChatAndTheWebhookOnceSignedAndUnderAnIdempotencyKey() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        stubWeChat(tag, true);
        WEBHOOK.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).withRequestBody(containing(tag))
                .willReturn(aResponse().withStatus(201)));

        QaItem item = publish(tag, "灵活就业人员怎么参加养老保险？" + tag, "持身份证到社保经办机构或网上办理参保登记。");

        await().atMost(WAIT).untilAsserted(() -> assertThat(distributor.forItem(item.id()))
                .extracting(Delivery::outlet, Delivery::status)
                .containsExactlyInAnyOrder(tuple("webhook", Delivery.Status.SENT), tuple("wechat", Delivery.Status.SENT)));
        assertThat(distributor.find(item.id() + ":wechat").orElseThrow().remoteId()).isEqualTo("publish-" + tag);

        LoggedRequest hook = webhookRequests(item).get(0);
        String timestamp = hook.getHeader(WebhookOutlet.TIMESTAMP);
        assertThat(hook.getHeader(WebhookOutlet.SIGNATURE))
                .isEqualTo("sha256=" + WebhookOutlet.sign(WEBHOOK_SECRET, timestamp, hook.getBody()));
        assertThat(hook.getHeader(WebhookOutlet.SIGNATURE))
                .isNotEqualTo("sha256=" + WebhookOutlet.sign("another-secret", timestamp, hook.getBody()));
        JsonNode body = json.readTree(new String(hook.getBody(), StandardCharsets.UTF_8));
        assertThat(body.path("idempotencyKey").asText()).isEqualTo(item.id() + ":webhook");
        assertThat(body.path("answer").asText()).isEqualTo("持身份证到社保经办机构或网上办理参保登记。");
        assertThat(body.path("link").asText()).isEqualTo("https://qa.example.gov.cn/knowledge/items/" + item.id());
        assertThat(body.path("form").asText()).isEqualTo("SINGLE");

        // the publication heard of again (a redelivered event) sends nothing again
        distributor.distribute(item.id());
        assertThat(webhookRequests(item)).hasSize(1);
        WECHAT.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/draft/add")).withRequestBody(containing(tag)));
        WECHAT.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/freepublish/submit"))
                .withRequestBody(equalToJson("{\"media_id\":\"media-" + tag + "\"}")));
    }

    @Test
    void shouldRetryAfterAnOutletOutageAndSendNothingTwice() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        stubWeChat(tag, false);
        String outage = "outage-" + tag;
        WEBHOOK.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).withRequestBody(containing(tag)).inScenario(outage)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503)));

        QaItem item = publish(tag, "医保卡丢了怎么办？" + tag, "拨打医保服务热线挂失，再到经办网点补办。");

        await().atMost(WAIT).untilAsserted(() -> assertThat(distributor.forItem(item.id()))
                .allSatisfy(delivery -> {
                    assertThat(delivery.status()).isEqualTo(Delivery.Status.FAILED);
                    assertThat(delivery.attempts()).isEqualTo(1);
                    assertThat(delivery.lastError()).contains("503");
                }).hasSize(2));
        Delivery wechat = distributor.find(item.id() + ":wechat").orElseThrow();
        assertThat(wechat.draftMediaId()).isEqualTo("media-" + tag);
        // the editors see each outlet's state, with a retry button on the failed ones
        String page = editor().getForObject("/editor/fragments/publication?lang=en", String.class);
        assertThat(page).contains("Deliveries per outlet", "wechat", "webhook", item.id(), "failed, to retry",
                "/editor/publication/deliveries/" + item.id() + ":webhook/retry");
        assertThat(rest.getForEntity("/editor/fragments/publication", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        // nothing is tried again before its wait is over
        distributor.sweep();
        assertThat(distributor.find(item.id() + ":webhook").orElseThrow().attempts()).isEqualTo(1);

        // the outlets are back; the wait (one minute after the first failure) is over
        WEBHOOK.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).withRequestBody(containing(tag)).inScenario(outage)
                .whenScenarioStateIs("back").willReturn(aResponse().withStatus(200)));
        WEBHOOK.setScenarioState(outage, "back");
        WECHAT.stubFor(post(urlPathEqualTo("/cgi-bin/freepublish/submit"))
                .withRequestBody(equalToJson("{\"media_id\":\"media-" + tag + "\"}"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"publish_id\":\"publish-" + tag + "\"}")));
        clock.advance(Duration.ofMinutes(2));
        distributor.sweep();

        assertThat(distributor.forItem(item.id())).extracting(Delivery::status)
                .containsOnly(Delivery.Status.SENT);
        // the WeChat draft was made once and published from the saved media_id
        WECHAT.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/draft/add")).withRequestBody(containing(tag)));
        // the receiver accepted the item once; every attempt carried the same key
        List<LoggedRequest> hooks = webhookRequests(item);
        assertThat(hooks).extracting(request -> request.getHeader(WebhookOutlet.IDEMPOTENCY_KEY))
                .containsOnly(item.id() + ":webhook");
        assertThat(WEBHOOK.getAllServeEvents()).filteredOn(event -> event.getRequest().getBodyAsString()
                .contains(tag) && event.getResponse().getStatus() == 200).hasSize(1);
    }

    @Test
    void shouldPutARefusedDeliveryOnTheDeadLetterListUntilAnEditorRetriesIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        stubWeChat(tag, true);
        String refusal = "refusal-" + tag;
        WEBHOOK.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).withRequestBody(containing(tag)).inScenario(refusal)
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(400)));

        QaItem item = publish(tag, "公积金提取需要什么材料？" + tag, "身份证、银行卡和购房合同等证明材料。");

        await().atMost(WAIT).untilAsserted(() -> assertThat(distributor.find(item.id() + ":webhook"))
                .hasValueSatisfying(delivery -> assertThat(delivery.status()).isEqualTo(Delivery.Status.DEAD)));
        assertThat(webhookRequests(item)).hasSize(1);
        assertThat(editor().getForObject("/api/publication/deliveries?status=DEAD", JsonNode.class))
                .anySatisfy(delivery -> assertThat(delivery.path("id").asText()).isEqualTo(item.id() + ":webhook"));

        WEBHOOK.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).withRequestBody(containing(tag)).inScenario(refusal)
                .whenScenarioStateIs("fixed").willReturn(aResponse().withStatus(200)));
        WEBHOOK.setScenarioState(refusal, "fixed");
        ResponseEntity<JsonNode> retried = editor().postForEntity("/api/publication/deliveries/{id}/retry", null,
                JsonNode.class, item.id() + ":webhook");

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().path("status").asText()).isEqualTo("SENT");
        ResponseEntity<JsonNode> again = editor().postForEntity("/api/publication/deliveries/{id}/retry", null,
                JsonNode.class, item.id() + ":webhook");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(rest.getForEntity("/api/publication/deliveries", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private QaItem publish(String tag, String question, String answer) {
        clock.setInstant(Instant.parse("2026-11-02T00:00:00Z").plusSeconds(tag.hashCode() & 0xffff));
        QaItem item = ApprovedItems.approve(workflow, question, answer, "社会保障", null, false, 3);
        return ApprovedItems.publish(workflow, item, "daily-test-" + tag);
    }

    private void stubWeChat(String tag, boolean submitWorks) {
        WECHAT.stubFor(post(urlPathEqualTo("/cgi-bin/draft/add")).withQueryParam("access_token", equalTo("token-1"))
                .withRequestBody(containing(tag)).willReturn(okJson("{\"media_id\":\"media-" + tag + "\"}")));
        WECHAT.stubFor(post(urlPathEqualTo("/cgi-bin/freepublish/submit"))
                .withRequestBody(equalToJson("{\"media_id\":\"media-" + tag + "\"}"))
                .willReturn(submitWorks
                        ? okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"publish_id\":\"publish-" + tag + "\"}")
                        : aResponse().withStatus(503)));
    }

    private static List<LoggedRequest> webhookRequests(QaItem item) {
        return WEBHOOK.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK_PATH))
                .withHeader(WebhookOutlet.IDEMPOTENCY_KEY, equalTo(item.id() + ":webhook")));
    }
}
