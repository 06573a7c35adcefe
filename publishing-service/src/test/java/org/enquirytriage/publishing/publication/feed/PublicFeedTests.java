package org.enquirytriage.publishing.publication.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.enquirytriage.publishing.publication.PublicationIntegrationTest;
import org.enquirytriage.publishing.publication.audio.AudioLibrary;
import org.enquirytriage.publishing.qa.ApprovedItems;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.security.test.StaffAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

class PublicFeedTests extends PublicationIntegrationTest {

    @Autowired
    AudioLibrary audio;

    @Test
    void shouldShowPublishedItemsOnThePublicPageSearchableAndBySeriesWithoutAToken() {
        String series = "医保日课-" + UUID.randomUUID().toString().substring(0, 6);
        QaItem item = published("异地就医怎么备案？", "通过国家医保服务平台App或当地医保经办机构办理异地就医备案。", series);
        QaItem draft = ApprovedItems.approve(workflow, "门诊慢特病怎么申请？", "到定点医院填写申请表。", "医疗卫生", series, false, 1);

        ResponseEntity<String> page = rest.getForEntity("/knowledge?q={q}", String.class, "在外地看病要先备案吗");
        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("异地就医怎么备案？", "通过国家医保服务平台App", "/knowledge/feed.rss")
                .doesNotContain("门诊慢特病怎么申请？");

        String bySeries = rest.getForObject("/knowledge?series={s}", String.class, series);
        assertThat(bySeries).contains("异地就医怎么备案？", "aria-current=\"page\">" + series);
        assertThat(rest.getForObject("/knowledge/items/{id}", String.class, item.id())).contains("异地就医怎么备案？");
        assertThat(rest.getForEntity("/knowledge/items/{id}", String.class, draft.id()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/knowledge/assets/knowledge.css", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldOfferTheNewestItemsAsRssAndAtomWithTheAudioAsEnclosure() throws Exception {
        String series = "社保日课-" + UUID.randomUUID().toString().substring(0, 6);
        QaItem item = published("退休后医保怎么缴费？", "达到缴费年限的，退休后不再缴纳基本医疗保险费。", series);

        ResponseEntity<String> rss = rest.getForEntity("/knowledge/feed.rss?series={s}", String.class, series);
        ResponseEntity<String> atom = rest.getForEntity("/knowledge/feed.atom?series={s}", String.class, series);

        assertThat(rss.getHeaders().getContentType().toString()).startsWith("application/rss+xml");
        assertThat(atom.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
        SyndFeed rssFeed = new SyndFeedInput().build(new StringReader(rss.getBody()));
        SyndFeed atomFeed = new SyndFeedInput().build(new StringReader(atom.getBody()));
        assertThat(rssFeed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(atomFeed.getFeedType()).isEqualTo("atom_1.0");
        for (SyndFeed feed : List.of(rssFeed, atomFeed)) {
            SyndEntry entry = feed.getEntries().get(0);
            assertThat(entry.getTitle()).isEqualTo("退休后医保怎么缴费？");
            assertThat(entry.getLink()).isEqualTo("https://qa.example.gov.cn/knowledge/items/" + item.id());
            assertThat(entry.getDescription() != null ? entry.getDescription().getValue()
                    : entry.getContents().get(0).getValue()).contains("不再缴纳基本医疗保险费");
        }
        assumeThat(audio.available()).as("espeak-ng is installed").isTrue();
        assertThat(rss.getBody()).contains("<enclosure url=\"https://qa.example.gov.cn/knowledge/audio/" + item.id()
                + ".wav\"", "type=\"audio/wav\"");
        assertThat(atom.getBody()).contains("rel=\"enclosure\"", "audio/" + item.id() + ".wav");
    }

    @Test
    void shouldLetOnlyWhitelistedPartnersFetchPostsToRepublish() {
        String channel = "county-media-" + UUID.randomUUID().toString().substring(0, 6);
        QaItem item = published("新生儿医保怎么办理？", "出生后三个月内在户籍地办理参保登记。", null);
        var partner = as(StaffAuthentication.channel(channel));

        ResponseEntity<String> refused = partner.getForEntity("/api/publication/syndication", String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(editor().getForEntity("/api/publication/syndication", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity("/api/publication/syndication", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpEntity<String> name = json("{\"name\":\"县融媒体中心\"}");
        assertThat(editor().exchange("/api/publication/partners/{c}", HttpMethod.PUT, name, String.class, channel)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> added = as(StaffAuthentication.admin()).exchange("/api/publication/partners/{c}",
                HttpMethod.PUT, json("{\"name\":\"县融媒体中心\"}"), JsonNode.class, channel);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode posts = partner.getForObject("/api/publication/syndication?since={t}", JsonNode.class,
                item.publishedAt().minusSeconds(1));
        assertThat(posts).anySatisfy(post -> {
            assertThat(post.path("id").asText()).isEqualTo(item.id());
            assertThat(post.path("answer").asText()).isEqualTo("出生后三个月内在户籍地办理参保登记。");
            assertThat(post.path("link").asText()).endsWith("/knowledge/items/" + item.id());
        });

        as(StaffAuthentication.admin()).delete("/api/publication/partners/{c}", channel);
        assertThat(partner.getForEntity("/api/publication/syndication", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldServeTheAudioOfAPublishedItem() {
        assumeThat(audio.available()).as("espeak-ng is installed").isTrue();
        QaItem item = published("医保个人账户能给家人用吗？", "可以，个人账户可用于支付配偶、父母、子女的医疗费用。", null);

        ResponseEntity<byte[]> wav = rest.getForEntity("/knowledge/audio/{id}.wav", byte[].class, item.id());

        assertThat(wav.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(wav.getHeaders().getContentType()).hasToString("audio/wav");
        assertThat(new String(wav.getBody(), 0, 4)).isEqualTo("RIFF");
        assertThat(rest.getForObject("/knowledge/items/{id}", String.class, item.id()))
                .contains("<audio", "/knowledge/audio/" + item.id() + ".wav");
    }

    private QaItem published(String question, String answer, String series) {
        clock.setInstant(Instant.parse("2026-11-03T23:00:00Z"));
        QaItem item = ApprovedItems.approve(workflow, question, answer, "医疗卫生", series, false, 2);
        ApprovedItems.publish(workflow, item, "daily-2026-11-04");
        audio.render(workflow.get(item.id()));
        return workflow.get(item.id());
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
