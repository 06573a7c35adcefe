package org.enquirytriage.publishing.publication;

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
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.enquirytriage.publishing.posts.Post;
import org.enquirytriage.publishing.publication.audio.AudioLibrary;
import org.enquirytriage.publishing.publication.outlets.Delivery;
import org.enquirytriage.publishing.publication.outlets.Distributor;
import org.enquirytriage.publishing.qa.ApprovedItems;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaStatus;
import org.enquirytriage.security.test.StaffAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The whole story: an approved item is published in the 07:00 post of a working day, delivered to the
 * WeChat official account and a webhook receiver, shown on the public page and in the feed with its audio; the
 * outlets report what readers did with it; and the next post's ranking changes because of that.
 */
class PublicationFlowTests extends PublicationIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Tuesday 24 November 2026, an ordinary working day. */
    private static final LocalDate WORKING_DAY = LocalDate.of(2026, 11, 24);
    private static final String QUESTION = "住房公积金贷款最高能贷多少？";

    @Autowired
    Distributor distributor;

    @Autowired
    AudioLibrary audio;

    @Test
    void shouldCarryAPostToItsReadersAndLetTheirResponseRankTheNextPost() {
        WECHAT.stubFor(get(urlPathEqualTo("/cgi-bin/token"))
                .willReturn(okJson("{\"access_token\":\"token-1\",\"expires_in\":7200}")));
        WECHAT.stubFor(post(urlPathEqualTo("/cgi-bin/draft/add")).withRequestBody(containing(QUESTION))
                .willReturn(okJson("{\"media_id\":\"media-flow\"}")));
        WECHAT.stubFor(post(urlPathEqualTo("/cgi-bin/freepublish/submit"))
                .withRequestBody(equalToJson("{\"media_id\":\"media-flow\"}"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"publish_id\":\"publish-flow\"}")));
        WEBHOOK.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).withRequestBody(containing(QUESTION))
                .willReturn(aResponse().withStatus(202)));

        // approved the day before, published in the 07:00 post of a working day
        clock.setInstant(ZonedDateTime.of(2026, 11, 23, 16, 0, 0, 0, SHANGHAI).toInstant());
        QaItem approved = ApprovedItems.approve(workflow, QUESTION, "按缴存余额的倍数和还款能力计算，单人最高50万元、双人最高70万元。",
                "住房保障", "公积金日课", false, 40);
        clock.setInstant(ZonedDateTime.of(WORKING_DAY, LocalTime.of(7, 0), SHANGHAI).toInstant());
        Post post = poster.daily(LocalDate.now(clock.withZone(SHANGHAI))).orElseThrow();
        QaItem item = workflow.get(approved.id());
        assertThat(post.id()).isEqualTo("daily-2026-11-24");
        assertThat(item.status()).isEqualTo(QaStatus.PUBLISHED);
        assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));

        // delivered to the official account and the webhook receiver, once each
        await().atMost(WAIT).untilAsserted(() -> assertThat(distributor.forItem(item.id()))
                .extracting(Delivery::status).containsExactly(Delivery.Status.SENT, Delivery.Status.SENT));
        WECHAT.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/draft/add")).withRequestBody(containing(QUESTION)));
        WECHAT.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/freepublish/submit"))
                .withRequestBody(equalToJson("{\"media_id\":\"media-flow\"}")));
        WEBHOOK.verify(1, postRequestedFor(urlPathEqualTo(WEBHOOK_PATH))
                .withHeader("Idempotency-Key", equalTo(item.id() + ":webhook")));

        // on the public page (found by other words) and in the feed, with its audio where the engine exists
        assertThat(rest.getForObject("/knowledge?q={q}", String.class, "公积金能贷款多少钱")).contains(QUESTION,
                "单人最高50万元");
        String rss = rest.getForObject("/knowledge/feed.rss", String.class);
        assertThat(rss).contains("<title>" + QUESTION + "</title>");
        if (audio.available()) {
            assertThat(rss).contains("/knowledge/audio/" + item.id() + ".wav");
            assertThat(rest.getForEntity("/knowledge/audio/{id}.wav", byte[].class, item.id()).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }

        // later that day two drafts are approved for the next post: the one more people asked comes first
        clock.setInstant(ZonedDateTime.of(WORKING_DAY, LocalTime.of(15, 0), SHANGHAI).toInstant());
        QaItem pension = ApprovedItems.approve(workflow, "养老保险关系怎么转到外省？", "在新参保地申请转移接续，原参保地审核后转出。",
                "社会保障", null, false, 12);
        QaItem fund = ApprovedItems.approve(workflow, "公积金贷款额度怎么计算？", "按缴存余额的倍数和还款能力计算贷款额度。", "住房保障",
                null, false, 10);
        LocalDate next = WORKING_DAY.plusDays(1);
        assertThat(poster.queue(next)).extracting(QaItem::id).containsSubsequence(pension.id(), fund.id());

        // the outlets report that readers shared the published post widely
        var wechat = as(StaffAuthentication.channel("wechat"));
        assertThat(wechat.postForEntity("/api/publication/engagement", json(item.id(), "wechat",
                "2026-11-24T06:00:00Z", 30000, 2500, 1800, 260), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(as(StaffAuthentication.channel("webhook")).postForEntity("/api/publication/engagement",
                json(item.id(), "webhook", "2026-11-24T06:00:00Z", 4000, 300, 100, 12), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // so the draft like it now comes first, and the editors' page says why
        assertThat(poster.queue(next)).extracting(QaItem::id).containsSubsequence(fund.id(), pension.id());
        String page = editor().getForObject("/editor/fragments/publication?lang=en", String.class);
        assertThat(page).contains("How the next post is ranked", "公积金贷款额度怎么计算？", QUESTION);
    }

    private static HttpEntity<String> json(String qaId, String outlet, String at, long reads, long shares,
            long likes, long comments) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>("{\"qaId\":\"" + qaId + "\",\"outlet\":\"" + outlet + "\",\"sampledAt\":\"" + at
                + "\",\"reads\":" + reads + ",\"shares\":" + shares + ",\"likes\":" + likes + ",\"comments\":"
                + comments + "}", headers);
    }
}
