package org.enquirytriage.publishing.publication.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.QaEngagementSampled;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.publishing.publication.PublicationIntegrationTest;
import org.enquirytriage.publishing.qa.ApprovedItems;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

class EngagementTests extends PublicationIntegrationTest {

    @Autowired
    CloudEventCodec codec;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void shouldRecordEachSampleOncePerOutletAndTimeAndTellQaEvents() {
        QaItem item = published("2026-11-09T23:00:00Z", "失业金怎么申领？", "通过人社App或社保经办机构申领失业保险金。", "就业创业", null);
        var wechat = as(StaffAuthentication.channel("wechat"));
        String first = sample(item, "wechat", "2026-11-10T02:00:00Z", 800, 10, 30, 4);

        try (TopicReader reader = new TopicReader(brokers, Topics.QA_EVENTS)) {
            assertThat(wechat.postForEntity("/api/publication/engagement", json(first), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(wechat.postForEntity("/api/publication/engagement", json(first), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            ResponseEntity<String> conflicting = wechat.postForEntity("/api/publication/engagement",
                    json(sample(item, "wechat", "2026-11-10T02:00:00Z", 900, 10, 30, 4)), String.class);
            assertThat(conflicting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(conflicting.getHeaders().getContentType()).hasToString("application/problem+json");

            await().atMost(WAIT).untilAsserted(() -> assertThat(reader.records())
                    .filteredOn(record -> item.id().equals(record.key())).map(this::decode)
                    .filteredOn(QaEngagementSampled.class::isInstance).singleElement().satisfies(event -> {
                        QaEngagementSampled sampled = (QaEngagementSampled) event;
                        assertThat(sampled.outlet()).isEqualTo("wechat");
                        assertThat(sampled.reads()).isEqualTo(800);
                        assertThat(sampled.sampledAt()).isEqualTo(Instant.parse("2026-11-10T02:00:00Z"));
                    }));
        }
        assertThat(wechat.postForEntity("/api/publication/engagement",
                json(sample(item, "wechat", "2026-11-10T08:00:00Z", 1500, 25, 60, 9)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(editor().postForEntity("/api/publication/engagement",
                json(sample(item, "weibo", "2026-11-10T08:00:00Z", 500, 5, 10, 1)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        JsonNode figures = editor().getForObject("/api/publication/engagement/{id}", JsonNode.class, item.id());
        assertThat(figures.path("figures").path("reads").asLong()).isEqualTo(2000);
        assertThat(figures.path("figures").path("shares").asLong()).isEqualTo(30);
        assertThat(figures.path("series")).hasSize(3);
        assertThat(meters.get("publication.engagement.figures").tag("measure", "shares").gauge().value())
                .isGreaterThanOrEqualTo(30);
    }

    @Test
    void shouldRefuseSamplesFromOthersAndOutsideThePublishedTime() {
        QaItem item = published("2026-11-09T23:00:00Z", "创业担保贷款怎么申请？", "向户籍地人社部门提出申请。", "就业创业", null);
        String sample = sample(item, "wechat", "2026-11-10T02:00:00Z", 1, 0, 0, 0);

        assertThat(as(StaffAuthentication.channel("weibo")).postForEntity("/api/publication/engagement",
                json(sample), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(StaffAuthentication.staff("housing")).postForEntity("/api/publication/engagement",
                json(sample), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.postForEntity("/api/publication/engagement", json(sample), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> early = editor().postForEntity("/api/publication/engagement",
                json(sample(item, "wechat", "2026-11-09T22:00:00Z", 1, 0, 0, 0)), JsonNode.class);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(early.getBody().path("detail").asText()).contains("before the item was published");
        assertThat(editor().postForEntity("/api/publication/engagement",
                json(sample.replace("\"reads\":1", "\"reads\":-1")), String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldReportTheWeeksBestAndWorstPostsByTopicAndForm() {
        String series = "就业日课-" + UUID.randomUUID().toString().substring(0, 6);
        QaItem shared = published("2026-11-16T23:00:00Z", "灵活就业社保补贴怎么领？", "符合条件的可向街道申请社保补贴。", "就业创业",
                series);
        QaItem ignored = published("2026-11-17T23:00:00Z", "就业登记证在哪里办？", "到街道公共就业服务机构办理。", "就业创业", null);
        editor().postForEntity("/api/publication/engagement",
                json(sample(shared, "wechat", "2026-11-18T00:00:00Z", 3000, 120, 200, 30)), String.class);
        editor().postForEntity("/api/publication/engagement",
                json(sample(ignored, "wechat", "2026-11-18T00:00:00Z", 40, 0, 1, 0)), String.class);

        JsonNode report = editor().getForObject("/api/publication/report?day=2026-11-19", JsonNode.class);

        assertThat(report.path("from").asText()).isEqualTo("2026-11-16");
        assertThat(report.path("best").get(0).path("qaId").asText()).isEqualTo(shared.id());
        assertThat(report.path("worst").get(0).path("qaId").asText()).isEqualTo(ignored.id());
        assertThat(report.path("byForm").path("SERIES").path("figures").path("shares").asLong()).isEqualTo(120);
        assertThat(report.path("byForm").path("SINGLE").path("posts").asInt()).isEqualTo(1);
        assertThat(report.path("byTopic").path("就业创业").path("posts").asInt()).isEqualTo(2);
        assertThat(as(StaffAuthentication.channel("wechat")).getForEntity("/api/publication/report", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private QaItem published(String at, String question, String answer, String topic, String series) {
        clock.setInstant(Instant.parse(at));
        QaItem item = ApprovedItems.approve(workflow, question, answer, topic, series, false, 1);
        ApprovedItems.publish(workflow, item, "daily-" + at.substring(0, 10));
        clock.setInstant(Instant.parse(at).plusSeconds(3 * 24 * 3600));
        return workflow.get(item.id());
    }

    private static String sample(QaItem item, String outlet, String at, long reads, long shares, long likes,
            long comments) {
        return "{\"qaId\":\"" + item.id() + "\",\"outlet\":\"" + outlet + "\",\"sampledAt\":\"" + at
                + "\",\"reads\":" + reads + ",\"shares\":" + shares + ",\"likes\":" + likes + ",\"comments\":"
                + comments + "}";
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private Object decode(ConsumerRecord<String, byte[]> record) {
        return codec.decode(record).orElseThrow();
    }
}
