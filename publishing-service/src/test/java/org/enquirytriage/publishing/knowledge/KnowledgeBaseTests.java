package org.enquirytriage.publishing.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.enquirytriage.events.QaEngagementSampled;
import org.enquirytriage.events.QaEvent;
import org.enquirytriage.events.QaPublished;
import org.enquirytriage.events.QaRetired;

import org.enquirytriage.publishing.PublishingIntegrationTest;
import org.enquirytriage.publishing.qa.ApprovedItems;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaStatus;
import org.enquirytriage.publishing.qa.QaWorkflow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

class KnowledgeBaseTests extends PublishingIntegrationTest {

    @Autowired
    QaWorkflow workflow;

    @Autowired
    KnowledgeBase knowledgeBase;

    @Test
    void shouldFindAPublishedItemByAQuestionPhrasedDifferentlyWithoutAToken() {
        String topic = "社会保障-" + UUID.randomUUID();
        QaItem item = published("社保卡丢了怎么补办？", "携带身份证到任一社保服务网点或合作银行网点申请补办，现场可领临时卡。", topic, null);
        published("公积金怎么提取？", "购房、退休等情形可申请提取住房公积金，携带身份证到公积金中心办理。", topic, null);

        JsonNode found = rest.getForObject("/api/knowledge/items?q={q}&topic={topic}", JsonNode.class,
                "社保卡遗失以后去哪里重新办理", topic);

        // Found, whatever else the shared context has published. Which of the topic's two items ranks first hangs on
        // the BM25 statistics of the whole index, i.e. on every item the other test classes (and the daily post of
        // the day the build runs) have published before: KnowledgeIndexTests checks the ranking on a known index.
        JsonNode mine = null;
        for (JsonNode hit : found.path("items")) {
            if (item.id().equals(hit.path("id").asText())) {
                mine = hit;
            }
        }
        assertThat(mine).as("the item among %s", found.path("items")).isNotNull();
        assertThat(mine.path("answer").asText()).startsWith("携带身份证");
        assertThat(found.path("total").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(rest.getForObject("/api/knowledge/items/{id}", JsonNode.class, item.id()).path("question")
                .asText()).isEqualTo("社保卡丢了怎么补办？");
    }

    @Test
    void shouldFilterByTopicAndSeries() {
        String topic = "交通运输-" + UUID.randomUUID();
        String series = "出行提示-" + UUID.randomUUID();
        QaItem inSeries = published("地铁6号线几点收班？", "地铁6号线末班车23点从起点站发出。", topic, series);
        QaItem other = published("公交卡怎么充值？", "可在地铁站自助机或手机应用充值。", topic, null);

        JsonNode byTopic = rest.getForObject("/api/knowledge/items?topic={topic}", JsonNode.class, topic);
        JsonNode bySeries = rest.getForObject("/api/knowledge/items?series={series}", JsonNode.class, series);

        assertThat(byTopic.path("items").findValuesAsText("id")).containsExactlyInAnyOrder(inSeries.id(), other.id());
        assertThat(bySeries.path("items").findValuesAsText("id")).containsExactly(inSeries.id());
    }

    @Test
    void shouldTakeARetiredItemOutOfSearch() {
        String topic = "卫生计生-" + UUID.randomUUID();
        QaItem item = published("新生儿医保怎么办理？", "出生后三个月内凭出生医学证明到社区办理参保。", topic, null);
        assertThat(rest.getForObject("/api/knowledge/items?q=新生儿医保&topic={topic}", JsonNode.class, topic)
                .path("items")).hasSize(1);

        ApprovedItems.retire(workflow, item);

        assertThat(rest.getForObject("/api/knowledge/items?q=新生儿医保&topic={topic}", JsonNode.class, topic)
                .path("items")).isEmpty();
        assertThat(rest.getForEntity("/api/knowledge/items/{id}", JsonNode.class, item.id()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldSuggestPublishedAnswersWithAScore() {
        String topic = "教育文体-" + UUID.randomUUID();
        QaItem item = published("小学新生入学怎么报名？", "每年7月在教育局网上平台报名，需户口簿和房产证明。", topic, null);

        JsonNode suggestions = rest.postForObject("/api/knowledge/suggestions",
                Map.of("text", "孩子今年上小学一年级，请问入学报名需要准备什么材料？在哪里报名？", "limit", 3), JsonNode.class);

        assertThat(suggestions.findValuesAsText("id")).contains(item.id());
        JsonNode mine = suggestions.get(suggestions.findValuesAsText("id").indexOf(item.id()));
        assertThat(mine.path("score").asDouble()).isBetween(0.15, 1.0);
        assertThat(rest.postForEntity("/api/knowledge/suggestions", Map.of("text", ""), JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void shouldShowNoItemThatIsNotPublished() {
        QaItem approved = ApprovedItems.approve(workflow, "未发布的问题？", "未发布的答复。", "其他", null, false, 0);

        assertThat(rest.getForEntity("/api/knowledge/items/{id}", JsonNode.class, approved.id()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldAnswerAsTheStoreSaysAfterABurstOfEventsTakenInOnePoll() {
        String topic = "城乡建设-" + UUID.randomUUID();
        List<String> matters = List.of("路灯不亮", "井盖缺失", "人行道破损", "垃圾清运不及时", "违章搭建", "噪音扰民",
                "下水道堵塞", "电梯停运", "绿化带毁坏", "公厕脏乱", "路面积水", "广告牌松动");
        List<QaItem> items = new ArrayList<>();
        for (String matter : matters) {
            items.add(published(matter + "该向哪个部门反映？", "请拨打12345热线反映" + matter + "，工单转交主管部门三个工作日内处理。",
                    topic, null));
        }
        QaItem withdrawn = items.get(3);
        // retired in the store behind the index's back: only the burst's QaRetired can take it out
        mongo.updateFirst(new Query(Criteria.where("_id").is(withdrawn.id())),
                Update.update("status", QaStatus.RETIRED), QaItem.COLLECTION);
        Instant now = Instant.now();
        List<ConsumerRecord<String, byte[]>> burst = new ArrayList<>();
        for (QaItem item : items) {
            burst.add(record(new QaEngagementSampled(UUID.randomUUID().toString(), now, item.id(), "weibo", now, 10,
                    1, 2, 0)));
            burst.add(record(new QaPublished(UUID.randomUUID().toString(), now, item.id(), "test-post", null,
                    item.question(), item.answer(), topic)));
        }
        burst.add(record(new QaRetired(UUID.randomUUID().toString(), now, withdrawn.id(), "已修好")));
        burst.add(record(new QaRetired(UUID.randomUUID().toString(), now, "no-such-item", "不存在")));

        knowledgeBase.on(burst);

        JsonNode found = rest.getForObject("/api/knowledge/items?topic={topic}&page=0", JsonNode.class, topic);
        assertThat(found.path("total").asInt()).isEqualTo(11);
        JsonNode asked = rest.getForObject("/api/knowledge/items?q={q}&topic={topic}", JsonNode.class,
                "小区的电梯停运了找谁", topic);
        assertThat(asked.path("items").get(0).path("id").asText()).isEqualTo(items.get(7).id());
        assertThat(rest.getForObject("/api/knowledge/items?q={q}&topic={topic}", JsonNode.class, "垃圾清运不及时", topic)
                .path("items").findValuesAsText("id")).doesNotContain(withdrawn.id());
    }

    private ConsumerRecord<String, byte[]> record(QaEvent event) {
        ProducerRecord<String, byte[]> produced = codec.toRecord(codec.toOutbox(event));
        return new ConsumerRecord<>(produced.topic(), 0, 0, 0, TimestampType.CREATE_TIME, 0, produced.value().length,
                produced.key(), produced.value(), produced.headers(), Optional.empty());
    }

    private QaItem published(String question, String answer, String topic, String series) {
        QaItem item = ApprovedItems.approve(workflow, question, answer, topic, series, false, 0);
        QaItem published = ApprovedItems.publish(workflow, item, "test-post");
        await().atMost(WAIT).until(() -> rest.getForEntity("/api/knowledge/items/{id}", JsonNode.class, item.id())
                .getStatusCode().is2xxSuccessful());
        return published;
    }
}
