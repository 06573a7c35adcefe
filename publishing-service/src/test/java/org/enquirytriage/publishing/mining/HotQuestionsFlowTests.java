package org.enquirytriage.publishing.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.QaDrafted;
import org.enquirytriage.events.Topics;
import org.enquirytriage.publishing.PublishingIntegrationTest;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class HotQuestionsFlowTests extends PublishingIntegrationTest {

    private static final String NAMES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

    @Test
    void shouldDraftAQaItemOnceAGroupTurnsHotAndCountEachCitizenOnce() {
        String river = place() + "河";
        List<String> caseIds = new ArrayList<>();
        try (TopicReader reader = new TopicReader(brokers, Topics.QA_EVENTS)) {
            for (int i = 0; i < 2; i++) {
                caseIds.add(open(river + "工地晚上十一点还在施工，噪音扰民，影响休息，请问什么时候能停止夜间施工？", "citizen-" + i));
            }
            String groupId = awaitGroupOf(caseIds.get(0));
            await().atMost(WAIT).until(() -> mongo.findById(caseIds.get(1), Document.class, "questions") != null);
            publish(new CaseAnswered(UUID.randomUUID().toString(), Instant.now(), caseIds.get(1), caseIds.get(1),
                    "portal", "urban", "已责令施工单位22点后停止施工，违者依法处罚。", true, "staff-1"));
            awaitGroupOf(caseIds.get(1));
            assertThat(mongo.findById("qa-" + groupId, Document.class, "qa_items")).isNull();

            caseIds.add(open(river + "工地夜里十一点多还在施工，噪音很大，什么时候能停止夜间施工？", "citizen-2"));

            await().atMost(WAIT).until(() -> mongo.findById("qa-" + groupId, Document.class, "qa_items") != null);
            Document draft = mongo.findById("qa-" + groupId, Document.class, "qa_items");
            assertThat(draft.getString("status")).isEqualTo("DRAFT");
            assertThat(draft.getString("question")).contains(river);
            assertThat(draft.getString("topic")).isEqualTo("城乡建设");
            assertThat(draft.getList("sourceCaseIds", String.class)).containsExactlyInAnyOrderElementsOf(caseIds);
            assertThat(draft.getInteger("demand")).isEqualTo(3);
            await().atMost(WAIT).untilAsserted(() -> assertThat(mongo.findById("qa-" + groupId, Document.class,
                    "qa_items").getString("sourceAnswer")).isEqualTo("已责令施工单位22点后停止施工，违者依法处罚。"));
            await().atMost(WAIT).untilAsserted(() -> assertThat(events(reader, "qa-" + groupId))
                    .hasAtLeastOneElementOfType(QaDrafted.class));

            String repeated = open(river + "工地晚上十一点还在施工，噪音扰民，影响休息，请问什么时候能停止夜间施工？", "citizen-0");
            await().atMost(WAIT).until(() -> mongo.findById("qa-" + groupId, Document.class, "qa_items")
                    .getList("sourceCaseIds", String.class).contains(repeated));
            assertThat(mongo.findById("qa-" + groupId, Document.class, "qa_items").getInteger("demand")).isEqualTo(3);
            assertThat(events(reader, "qa-" + groupId)).filteredOn(QaDrafted.class::isInstance).hasSize(1);

            JsonNode hot = editor().getForObject("/api/qa/groups?hot=true&limit=200", JsonNode.class);
            assertThat(hot.findValuesAsText("id")).contains(groupId);
        }
    }

    @Test
    void shouldKeepTwoDifferentProblemsInTwoGroups() {
        String park = place() + "公园";
        String noise = open(park + "旁边工地凌晨还在施工，噪音扰民。", "citizen-a");
        String lights = open(park + "的路灯全部不亮，晚上散步很不安全，请尽快维修路灯。", "citizen-b");

        assertThat(awaitGroupOf(lights)).isNotEqualTo(awaitGroupOf(noise));
    }

    private String open(String text, String citizen) {
        String caseId = UUID.randomUUID().toString();
        publish(new CaseOpened(UUID.randomUUID().toString(), Instant.now(), caseId, caseId, "portal", null, text,
                "350104", citizen, new Classification(EnquiryKind.PROBLEM_REPORT, "城乡建设", Priority.NORMAL, 0.9,
                        "test", List.of()), "urban", Instant.now(), Instant.now()));
        return caseId;
    }

    private String awaitGroupOf(String caseId) {
        await().atMost(WAIT).until(() -> mongo.findById(caseId, Document.class, "mining_members") != null);
        return mongo.findById(caseId, Document.class, "mining_members").getString("groupId");
    }

    private static String place() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + NAMES.charAt(random.nextInt(NAMES.length())) + NAMES.charAt(random.nextInt(NAMES.length()))
                + NAMES.charAt(random.nextInt(NAMES.length()));
    }
}
