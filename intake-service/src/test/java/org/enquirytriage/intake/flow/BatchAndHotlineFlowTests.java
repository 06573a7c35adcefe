package org.enquirytriage.intake.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.enquirytriage.events.Topics;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The batch channels: the generic JSON batch and the hotline's work orders, as JSON and as CSV. */
class BatchAndHotlineFlowTests extends IntakeFlowSupport {

    @Test
    void shouldAnswerEveryItemOfABatchAndKeepTheGoodOnes() throws Exception {
        String run = UUID.randomUUID().toString();
        String body = """
                [{"channel": "weibo", "externalId": "w-%1$s-1", "text": "地铁站电梯又坏了"},
                 {"channel": "weibo", "externalId": "w-%1$s-2"},
                 {"channel": "weibo", "externalId": "w-%1$s-3", "text": "公交车不按站停", "occurredAt": "soon"},
                 "not an object",
                 {"channel": "weibo", "externalId": "w-%1$s-1", "text": "地铁站电梯又坏了"}]""".formatted(run);

        HttpResponse<String> response = post("/api/enquiries/batch", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = read(response);
        assertThat(result.path("accepted").asInt()).isEqualTo(1);
        assertThat(result.path("duplicates").asInt()).isEqualTo(1);
        assertThat(result.path("rejected").asInt()).isEqualTo(3);
        JsonNode items = result.path("items");
        assertThat(items.get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(items.get(0).path("trackingToken").asText()).isNotBlank();
        assertThat(items.get(1).path("status").asText()).isEqualTo("rejected");
        assertThat(items.get(1).path("problem").path("errors").get(0).path("field").asText()).isEqualTo("text");
        assertThat(items.get(2).path("problem").path("detail").asText()).contains("occurredAt");
        assertThat(items.get(3).path("problem").path("detail").asText()).contains("JSON object");
        assertThat(items.get(4).path("status").asText()).isEqualTo("duplicate");
        assertThat(items.get(4).path("enquiryId").asText()).isEqualTo(items.get(0).path("enquiryId").asText());
        assertThat(enquiries("weibo", "w-" + run + "-1")).hasSize(1);
        assertThat(enquiries("weibo", "w-" + run + "-2")).isEmpty();
    }

    @Test
    void shouldAnswerRepeatsInABatchItemByItemAsTheFirstRequestWasAnsweredAndStoreTheRestOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        JsonNode first = read(post("/api/enquiries/batch", "application/json", """
                [{"channel": "weibo", "externalId": "r-%1$s-a", "text": "小区门口的路灯坏了"},
                 {"channel": "weibo", "externalId": "r-%1$s-b", "text": "公交站牌字看不清"}]""".formatted(run)))
                .path("items");
        String body = """
                [{"channel": "weibo", "externalId": "r-%1$s-c", "text": "河边垃圾没人清理"},
                 {"channel": "weibo", "externalId": "r-%1$s-a", "text": "小区门口的路灯坏了"},
                 {"channel": "weibo", "externalId": "r-%1$s-c", "text": "河边垃圾没人清理"},
                 {"channel": "weibo", "externalId": "r-%1$s-b", "text": "换了一种说法"},
                 {"channel": "weibo", "externalId": "r-%1$s-e"},
                 {"channel": "weibo", "externalId": "r-%1$s-d", "text": "菜市场周末占道经营"},
                 {"channel": "weibo", "externalId": "r-%1$s-d", "text": "同一编号的另一段话"}]""".formatted(run);

        HttpResponse<String> response = post("/api/enquiries/batch", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = read(response);
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(result.path("duplicates").asInt()).isEqualTo(2);
        assertThat(result.path("conflicts").asInt()).isEqualTo(2);
        assertThat(result.path("rejected").asInt()).isEqualTo(1);
        JsonNode items = result.path("items");
        assertThat(items).extracting(item -> item.path("status").asText()).containsExactly("accepted", "duplicate", "duplicate", "conflict",
                "rejected", "accepted", "conflict");
        assertThat(items.get(1).path("enquiryId").asText()).isEqualTo(first.get(0).path("enquiryId").asText());
        assertThat(items.get(1).path("trackingToken").asText()).isEqualTo(first.get(0).path("trackingToken").asText());
        assertThat(items.get(2).path("enquiryId").asText()).isEqualTo(items.get(0).path("enquiryId").asText());
        assertThat(items.get(2).path("trackingToken").asText()).isEqualTo(items.get(0).path("trackingToken").asText());
        assertThat(items.get(3).path("enquiryId").asText()).isEqualTo(first.get(1).path("enquiryId").asText());
        assertThat(items.get(3).has("trackingToken")).isFalse();
        assertThat(items.get(3).path("problem").path("status").asInt()).isEqualTo(409);
        assertThat(items.get(6).path("enquiryId").asText()).isEqualTo(items.get(5).path("enquiryId").asText());
        for (String key : new String[] { "a", "b", "c", "d" }) {
            assertThat(enquiries("weibo", "r-" + run + "-" + key)).as(key).hasSize(1);
        }
        assertThat(enquiries("weibo", "r-" + run + "-e")).isEmpty();
        assertThat(enquiry(items.get(5).path("enquiryId").asText()).getString("text")).isEqualTo("菜市场周末占道经营");
    }

    @Test
    void shouldSendTheEventOfEveryEnquiryOfABatchOnceAndEmptyTheirOutboxes() throws Exception {
        String run = UUID.randomUUID().toString();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 120; i++) {
            body.append(i == 0 ? "" : ",").append("""
                    {"channel": "weibo", "externalId": "s-%s-%d", "text": "第 %d 条：路口红绿灯时间太短"}"""
                    .formatted(run, i % 100, i));
        }
        HttpResponse<String> response = post("/api/enquiries/batch", "application/json", body.append(']').toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = read(response);
        assertThat(result.path("accepted").asInt()).isEqualTo(100);
        assertThat(result.path("conflicts").asInt()).isEqualTo(20);
        List<String> ids = result.path("items").findValuesAsText("enquiryId").stream().distinct().toList();
        assertThat(result.path("items").get(100).path("enquiryId").asText()).isEqualTo(ids.get(0));
        assertThat(ids).hasSize(100);
        try (TopicReader received = new TopicReader(String.join(",", kafka.getBootstrapServers()),
                Topics.ENQUIRY_RECEIVED)) {
            await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(received.records().stream()
                    .map(ConsumerRecord::key).filter(ids::contains).toList()).hasSize(100));
            assertThat(received.records().stream().map(ConsumerRecord::key).filter(ids::contains).distinct())
                    .hasSize(100);
        }
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(ids)
                .allSatisfy(id -> assertThat(enquiry(id).getList("outbox", Document.class)).isEmpty()));
    }

    @Test
    void shouldRefuseABatchThatIsNotAnArray() throws Exception {
        assertProblem(post("/api/enquiries/batch", "application/json", "{\"channel\": \"weibo\"}"), 400);
        assertProblem(post("/api/enquiries/batch", "application/json", "[]"), 400);
    }

    @Test
    void shouldImportTheHotlinesCsvRowByRow() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                工单编号,来电时间,来电号码,标题,内容,渠道,区域
                %1$s-1,2026-03-02 09:29:00,13812345678,夜间施工噪音,"工地每天施工到凌晨，我叫张三，电话13812345678",电话,430103
                %1$s-2,昨天下午,13912345678,路灯,小区路灯坏了,电话,鼓楼区
                %1$s-3,2026-03-02 10:00,,井盖,,网站,
                %1$s-4,2026-03-02 11:00,0591-88881234,供水,停水三天了没人管,微信,鼓楼区
                %1$s-1,2026-03-02 09:29:00,13812345678,夜间施工噪音,重复的工单,电话,430103
                %1$s-1,2026-03-02 09:29:00,13812345678,夜间施工噪音,"工地每天施工到凌晨，我叫张三，电话13812345678",电话,430103
                """.formatted(run);

        HttpResponse<String> response = post("/api/channels/hotline/work-orders", "text/csv; charset=utf-8", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = read(response);
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(result.path("duplicates").asInt()).isEqualTo(1);
        assertThat(result.path("conflicts").asInt()).isEqualTo(1);
        assertThat(result.path("rejected").asInt()).isEqualTo(2);
        JsonNode rows = result.path("rows");
        assertThat(rows.get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(rows.get(0).path("row").asInt()).isEqualTo(1);
        assertThat(rows.get(1).path("reasons").get(0).asText()).contains("来电时间");
        assertThat(rows.get(2).path("reasons").toString()).contains("内容");
        assertThat(rows.get(3).path("status").asText()).isEqualTo("accepted");
        assertThat(rows.get(4).path("status").asText()).isEqualTo("conflict");
        assertThat(rows.get(4).path("enquiryId").asText()).isEqualTo(rows.get(0).path("enquiryId").asText());
        assertThat(rows.get(4).has("trackingToken")).isFalse();
        assertThat(rows.get(5).path("status").asText()).isEqualTo("duplicate");
        assertThat(rows.get(5).path("trackingToken").asText()).isEqualTo(rows.get(0).path("trackingToken").asText());

        Document stored = enquiry(rows.get(0).path("enquiryId").asText());
        assertThat(stored.getString("channel")).isEqualTo("hotline");
        assertThat(stored.getString("externalId")).isEqualTo(run + "-1");
        assertThat(stored.getString("subject")).isEqualTo("夜间施工噪音");
        assertThat(stored.getString("text")).isEqualTo("工地每天施工到凌晨，我叫张*，电话138****5678");
        assertThat(stored.getDate("writtenAt").toInstant()).hasToString("2026-03-02T01:29:00Z");
        assertThat(stored.get("location", Document.class).getString("regionCode")).isEqualTo("430103");
        assertThat(stored.get("details", Document.class).getString("hotlineChannel")).isEqualTo("电话");
        assertThat(stored.get("restricted", Document.class).get("contact", Document.class).getString("phone"))
                .isEqualTo("13812345678");
        Document fourth = enquiry(rows.get(3).path("enquiryId").asText());
        assertThat(fourth.get("location", Document.class).getString("address")).isEqualTo("鼓楼区");
    }

    @Test
    void shouldImportWorkOrdersPostedAsJsonWithEnglishOrChineseNames() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String body = """
                [{"orderNumber": "%1$s-1", "time": "2026-03-02T09:29:00+08:00", "callerPhone": "13812345678",
                  "title": "噪音", "content": "广场舞音响太吵", "channel": "电话", "region": "430103"},
                 {"工单编号": 20260302001, "内容": "垃圾清运不及时", "区域": "鼓楼区"},
                 {"orderNumber": "%1$s-3", "content": {"text": "not text"}},
                 {"orderNumber": "%1$s-4", "content": "号码不对", "callerPhone": "call me maybe"}]"""
                .formatted(run);

        HttpResponse<String> response = post("/api/channels/hotline/work-orders", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode rows = read(response).path("rows");
        assertThat(rows.get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(rows.get(1).path("status").asText()).isIn("accepted", "duplicate");
        assertThat(rows.get(1).path("orderNumber").asText()).isEqualTo("20260302001");
        assertThat(rows.get(2).path("status").asText()).isEqualTo("rejected");
        assertThat(rows.get(2).path("reasons").get(0).asText()).contains("content");
        assertThat(rows.get(3).path("reasons").get(0).asText()).contains("来电号码");
    }

    @Test
    void shouldRefuseACsvFileThatCannotBeRead() throws Exception {
        assertProblem(post("/api/channels/hotline/work-orders", "text/csv", "标题,来电号码\n路灯,138\n"), 400);
        assertProblem(post("/api/channels/hotline/work-orders", "text/csv",
                new byte[] { (byte) 0xB9, (byte) 0xA4, ',', 'x', '\n' }), 400);
    }
}
