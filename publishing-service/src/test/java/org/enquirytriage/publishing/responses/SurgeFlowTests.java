package org.enquirytriage.publishing.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.SurgeDetected;
import org.enquirytriage.events.Topics;
import org.enquirytriage.publishing.PublishingIntegrationTest;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;

class SurgeFlowTests extends PublishingIntegrationTest {

    private static final String NAMES = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";

    @Autowired
    private MeterRegistry meters;

    @Test
    void shouldOpenAResponseWhenOnePlaceSurgesAndLetASupervisorAcknowledgeIt() {
        String estate = place() + "苑";
        String department = "dept-" + UUID.randomUUID();
        List<String> caseIds = new ArrayList<>();
        try (TopicReader reader = new TopicReader(brokers, Topics.SURGE_EVENTS)) {
            for (int i = 0; i < 6; i++) {
                caseIds.add(open(estate + "开发商把车位和房子捆绑销售，不买车位不让收房，第" + i + "次反映，请问合法吗？", department));
            }

            Query byCases = Query.query(Criteria.where("caseIds").all(caseIds));
            await().atMost(WAIT).until(() -> mongo.findOne(byCases, Document.class, SurgeResponse.COLLECTION) != null);
            Document response = mongo.findOne(byCases, Document.class, SurgeResponse.COLLECTION);
            String surgeId = response.getString("_id");
            assertThat(response.getString("level")).isEqualTo("蓝");
            assertThat(response.getString("status")).isEqualTo("OPEN");
            assertThat(response.getList("departments", String.class)).containsExactly(department);
            await().atMost(WAIT).untilAsserted(() -> assertThat(events(reader, surgeId)).singleElement()
                    .isInstanceOfSatisfying(SurgeDetected.class, event -> {
                        assertThat(event.level()).isEqualTo("蓝");
                        assertThat(event.caseIds()).containsExactlyElementsOf(caseIds);
                    }));
            assertThat(meters.find("surges_detected").tag("level", "蓝").counter()).isNotNull();

            assertThat(editor().getForEntity("/api/surges", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            JsonNode live = as(StaffAuthentication.supervisor()).getForObject("/api/surges", JsonNode.class);
            assertThat(live.findValuesAsText("id")).contains(surgeId);

            ResponseEntity<JsonNode> acknowledged = as(StaffAuthentication.supervisor())
                    .postForEntity("/api/surges/" + surgeId + "/acknowledge", null, JsonNode.class);
            assertThat(acknowledged.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(acknowledged.getBody().get("status").asText()).isEqualTo("ACKNOWLEDGED");
            assertThat(meters.find("surge_acknowledge").tag("level", "蓝").timer().count()).isPositive();

            ResponseEntity<String> again = as(StaffAuthentication.supervisor())
                    .postForEntity("/api/surges/" + surgeId + "/acknowledge", null, String.class);
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

            String page = as(StaffAuthentication.supervisor()).getForObject("/surges/list", String.class);
            assertThat(page).contains(surgeId).contains("level-1").contains("ACKNOWLEDGED");
        }
    }

    private String open(String text, String department) {
        String caseId = UUID.randomUUID().toString();
        publish(new CaseOpened(UUID.randomUUID().toString(), Instant.now(), caseId, caseId, "portal", null, text,
                "430104", "citizen-" + caseId, new Classification(EnquiryKind.PROBLEM_REPORT, "topic-" + department,
                        Priority.NORMAL, 0.9, "test", List.of()), department, Instant.now(), Instant.now()));
        return caseId;
    }

    private static String place() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + NAMES.charAt(random.nextInt(NAMES.length())) + NAMES.charAt(random.nextInt(NAMES.length()))
                + NAMES.charAt(random.nextInt(NAMES.length()));
    }
}
