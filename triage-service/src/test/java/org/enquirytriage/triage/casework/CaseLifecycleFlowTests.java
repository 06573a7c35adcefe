package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.enquirytriage.security.test.StaffAuthentication.as;
import static org.enquirytriage.security.test.StaffAuthentication.staff;
import static org.enquirytriage.security.test.StaffAuthentication.supervisor;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.events.SatisfactionRated;
import org.enquirytriage.events.Topics;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.enquirytriage.testsupport.TopicReader;
import org.enquirytriage.testsupport.MutableClock;
import org.enquirytriage.triage.IntakeStandIn;
import org.enquirytriage.triage.sla.SlaFixtures;
import org.enquirytriage.triage.sla.SlaWatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;


/**
 * The life of cases through Kafka, MongoDB and the staff API: repeats merged (并单) and split again, a citizen's
 * dissatisfaction reopening a case, and the SLA watcher's events on {@code case-events}, once each.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class CaseLifecycleFlowTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String TEXT = "鼓楼区六一中路79号东光花园旁边的泮洋河河道，最近连续几个晚上通宵施工，噪音扰民，希望部门尽快处理。";

    @Autowired
    IntakeStandIn intake;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MockMvc mvc;

    @Autowired
    Cases cases;

    @Autowired
    SlaWatcher watcher;

    @Autowired
    MutableClock clock;

    private TopicReader caseEvents;

    @BeforeEach
    void connect() {
        mongo.remove(new Query(), "cases");
        caseEvents = new TopicReader(intake.brokers(), Topics.CASE_EVENTS);
    }

    @AfterEach
    void disconnect() {
        caseEvents.close();
        clock.reset();
    }

    @Test
    void shouldMergeARepeatOfTheSameCitizenOnceFindTheCaseByTheRepeatsIdAndSplitItOffAgain() throws Exception {
        String first = UUID.randomUUID().toString();
        String repeat = UUID.randomUUID().toString();
        String citizen = "citizen-" + first;
        publish(CaseFixtures.enquiry(first, citizen, "350102", "泮洋河夜间施工", TEXT));
        Case opened = await().atMost(PATIENCE).until(() -> cases.findById(first).orElse(null), c -> c != null);

        EnquiryReceived again = CaseFixtures.enquiry(repeat, citizen, "350102", "泮洋河又在通宵施工",
                "六一中路东光花园旁边泮洋河河道今晚又在通宵施工，噪音扰民，请尽快处理。");
        publish(again);
        publish(again);

        await().atMost(PATIENCE).until(() -> cases.findById(first).orElseThrow().enquiryIds().contains(repeat));
        await().atMost(PATIENCE).until(() -> recordsOfType(first, "case.merged.v1").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> recordsOfType(first, "case.merged.v1").size() == 1);
        assertThat(cases.findById(repeat)).isEmpty();
        Case merged = cases.findById(first).orElseThrow();
        assertThat(merged.enquiryIds()).containsExactly(first, repeat);
        assertThat(merged.history()).extracting(HistoryEntry::action).contains("MERGED_IN");

        var department = staff(opened.department());
        mvc.perform(get("/api/cases/{id}", repeat).with(as(department)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(first))
                .andExpect(jsonPath("$.mergedEnquiries[0].enquiryId").value(repeat))
                .andExpect(jsonPath("$.mergedEnquiries[0].citizenKey").doesNotExist());

        mvc.perform(post("/api/cases/{id}/split", first).with(as(department))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enquiryId\":\"" + repeat + "\",\"reason\":\"不是同一问题\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(repeat))
                .andExpect(jsonPath("$.status").value("ROUTED"))
                .andExpect(jsonPath("$.history[0].detail").value(containsString(first)));
        assertThat(cases.findById(first).orElseThrow().enquiryIds()).containsExactly(first);
        assertThat(cases.findById(first).orElseThrow().history()).last().extracting(HistoryEntry::action)
                .isEqualTo("SPLIT");
        await().atMost(PATIENCE).until(() -> recordsOfType(repeat, "case.opened.v1").size() == 1);
    }

    @Test
    void shouldReopenACaseTheCitizenIsNotSatisfiedWithOnceAndKeepTheRating() throws Exception {
        String id = UUID.randomUUID().toString();
        publish(CaseFixtures.enquiry(id, "citizen-" + id, null, "公积金提取", "请问离职后如何提取住房公积金？"));
        Case opened = await().atMost(PATIENCE).until(() -> cases.findById(id).orElse(null), c -> c != null);
        var department = staff(opened.department());
        mvc.perform(post("/api/cases/{id}/accept", id).with(as(department))).andExpect(status().isOk());
        mvc.perform(post("/api/cases/{id}/answer", id).with(as(department)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"可凭离职证明到公积金中心办理。\",\"publishAsQaCandidate\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED"));

        SatisfactionRated rated = new SatisfactionRated(UUID.randomUUID().toString(), Instant.now(), id, id,
                Satisfaction.DISSATISFIED, "没有说清楚");
        intake.publish(rated);
        intake.publish(rated);

        await().atMost(PATIENCE).until(() -> cases.findById(id).orElseThrow().status() == CaseStatus.REOPENED);
        await().atMost(PATIENCE).until(() -> recordsOfType(id, "case.reopened.v1").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(PATIENCE)
                .until(() -> cases.findById(id).orElseThrow().ratings().size() == 1);
        assertThat(cases.findById(id).orElseThrow().satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
        ConsumerRecord<String, byte[]> answered = recordsOfType(id, "case.answered.v1").get(0);
        assertThat(new String(answered.value(), StandardCharsets.UTF_8))
                .contains("\"qaCandidate\":true");
    }

    @Test
    void shouldPublishEachSlaWarningBreachAndEscalationOnceAsTheControllableClockMovesOn() throws Exception {
        clock.setInstant(SlaFixtures.shanghai("2026-03-09T10:00"));
        String id = UUID.randomUUID().toString();
        publish(CaseFixtures.enquiry(id, "citizen-" + id, null, "噪音", "某工地夜间施工。"));
        Case opened = await().atMost(PATIENCE).until(() -> cases.findById(id).orElse(null), c -> c != null);

        clock.setInstant(opened.clocks().firstResponse().warnAt());
        watcher.watch();
        watcher.watch();
        clock.setInstant(opened.clocks().firstResponseDue().plusSeconds(1));
        watcher.watch();
        watcher.watch();

        await().atMost(PATIENCE).until(() -> recordsOfType(id, "case.escalated.v1").size() == 1);
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> pendingEvents(id).isEmpty());
        assertThat(recordsOfType(id, "case.sla-warning.v1")).hasSize(1);
        assertThat(recordsOfType(id, "case.sla-breached.v1")).hasSize(1);
        assertThat(recordsOfType(id, "case.escalated.v1")).hasSize(1);
        mvc.perform(get("/api/supervision/escalated").with(as(supervisor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases[0].id").value(id))
                .andExpect(jsonPath("$.cases[0].escalationLevel").value(1))
                .andExpect(jsonPath("$.cases[0].overdue").value(true));
    }

    private void publish(EnquiryReceived enquiry) throws Exception {
        intake.publish(enquiry);
    }

    private List<ConsumerRecord<String, byte[]>> recordsOfType(String caseId, String type) {
        return caseEvents.records().stream().filter(r -> caseId.equals(r.key()))
                .filter(r -> type.equals(TopicReader.header(r, "ce_type"))).toList();
    }

    private List<?> pendingEvents(String caseId) {
        return mongo.findById(caseId, Document.class, "cases").getList("outbox", Object.class);
    }
}
