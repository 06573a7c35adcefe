package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.TopicReader;
import org.enquirytriage.triage.IntakeStandIn;
import org.enquirytriage.triage.sla.CaseClocks;
import org.enquirytriage.triage.sla.SlaPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.web.servlet.MockMvc;


/**
 * What happens when intake publishes an enquiry: the same scenarios on the embedded infrastructure and, where Docker
 * exists, on real Kafka and MongoDB.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class CaseOpeningScenarios {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    IntakeStandIn intake;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MockMvc mvc;

    @Autowired
    Cases cases;

    @Autowired
    SlaPolicy slaPolicy;

    private TopicReader caseEvents;

    @BeforeEach
    void connect() {
        // no case of another test may look like the one a test opens: it would be merged into it (并单)
        mongo.remove(new Query(), "cases");
        caseEvents = new TopicReader(brokers(), Topics.CASE_EVENTS);
    }

    @AfterEach
    void disconnect() {
        caseEvents.close();
    }

    @Test
    void shouldOpenACaseForAnEnquiryRouteItToTheTriageDeskAndPublishCaseOpened() throws Exception {
        String id = UUID.randomUUID().toString();
        EnquiryReceived enquiry = CaseFixtures.enquiry(id);

        publish(enquiry);

        Document stored = await().atMost(PATIENCE).until(() -> mongo.findById(id, Document.class, "cases"),
                document -> document != null);
        Case opened = cases.findById(id).orElseThrow();
        assertThat(stored.getList("enquiryIds", String.class)).containsExactly(id);
        assertThat(stored.getString("channel")).isEqualTo("portal");
        assertThat(stored.getString("subject")).isEqualTo(enquiry.subject());
        assertThat(stored.getString("text")).isEqualTo(enquiry.text());
        assertThat(stored.getString("regionCode")).isEqualTo("430103");
        assertThat(stored.getString("citizenKey")).isEqualTo(enquiry.citizenKey());
        assertThat(stored.getString("status")).isEqualTo("ROUTED");
        Instant openedAt = stored.getDate("openedAt").toInstant();
        CaseClocks expected = slaPolicy.deadlines(opened.classification(), openedAt);
        assertThat(opened.clocks().firstResponseDue()).isEqualTo(expected.firstResponseDue());
        assertThat(opened.clocks().resolutionDue()).isEqualTo(expected.resolutionDue());
        assertThat(opened.clocks().firstResponse().warnAt()).isEqualTo(expected.firstResponse().warnAt());
        assertThat(stored.getList("history", Document.class)).extracting(entry -> entry.getString("action"))
                .containsExactly("OPENED", "ROUTED");

        ConsumerRecord<String, byte[]> record = await().atMost(PATIENCE).until(() -> caseOpened(id),
                records -> !records.isEmpty()).get(0);
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("case.opened.v1");
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("triage-service");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(id);
        CaseOpened event = (CaseOpened) codec.decode(record).orElseThrow();
        assertThat(event.caseId()).isEqualTo(id);
        assertThat(event.enquiryId()).isEqualTo(id);
        assertThat(event.channel()).isEqualTo("portal");
        assertThat(event.subject()).isEqualTo(enquiry.subject());
        assertThat(event.text()).isEqualTo(enquiry.text());
        assertThat(event.regionCode()).isEqualTo("430103");
        assertThat(event.citizenKey()).isEqualTo(enquiry.citizenKey());
        assertThat(event.classification()).isEqualTo(opened.classification());
        assertThat(event.department()).isEqualTo(opened.department());
        assertThat(event.occurredAt()).isEqualTo(openedAt);
        assertThat(event.firstResponseDue()).isEqualTo(expected.firstResponseDue());
        assertThat(event.resolutionDue()).isEqualTo(expected.resolutionDue());
        assertThat(event.eventId()).isNotBlank();
        await().atMost(PATIENCE).until(() -> pendingEvents(id), List::isEmpty);

        mvc.perform(get("/api/cases/{id}", id).with(StaffAuthentication.as(StaffAuthentication.staff(
                opened.department()))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ROUTED"))
                .andExpect(jsonPath("$.department").value(opened.department()))
                .andExpect(jsonPath("$.kind").value(opened.classification().kind().name()))
                .andExpect(jsonPath("$.citizenKey").doesNotExist())
                .andExpect(jsonPath("$.outbox").doesNotExist());
    }

    @Test
    void shouldOpenOneCaseAndPublishOneCaseOpenedWhenTheSameEnquiryArrivesTwice() throws Exception {
        String id = UUID.randomUUID().toString();
        EnquiryReceived enquiry = CaseFixtures.enquiry(id);

        publish(enquiry);
        SendResult<String, byte[]> again = publish(enquiry);

        awaitConsumed(again);
        await().atMost(PATIENCE).until(() -> pendingEvents(id), pending -> pending != null && pending.isEmpty());
        assertThat(mongo.count(new Query(Criteria.where("enquiryIds").is(id)), "cases")).isOne();
        await().atMost(PATIENCE).until(() -> !caseOpened(id).isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> caseOpened(id).size() == 1);
    }

    @Test
    void shouldDeadLetterARecordThatIsNoEventAndGoOnWithTheNextOne() throws Exception {
        String id = UUID.randomUUID().toString();

        intake.send(new ProducerRecord<>(Topics.ENQUIRY_RECEIVED, id, new byte[] { 1, 2, 3 })).get();
        publish(CaseFixtures.enquiry(id));

        try (TopicReader deadLetters = new TopicReader(brokers(), Topics.deadLetter(Topics.ENQUIRY_RECEIVED))) {
            ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE)
                    .until(() -> deadLetters.records().stream().filter(r -> id.equals(r.key())).toList(),
                            records -> !records.isEmpty()).get(0);
            assertThat(dead.value()).containsExactly(1, 2, 3);
            assertThat(TopicReader.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.ENQUIRY_RECEIVED);
        }
        await().atMost(PATIENCE).until(() -> mongo.findById(id, Document.class, "cases") != null);
    }

    @Test
    void shouldTakeOnEveryEnquiryOfAPollAroundAPoisonRecordAndMergeARepeatOfACaseOpenedInTheSamePoll()
            throws Exception {
        String first = UUID.randomUUID().toString();
        String repeat = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        EnquiryReceived original = CaseFixtures.enquiry(first);
        EnquiryReceived repeated = CaseFixtures.enquiry(repeat, original.citizenKey(), null, original.subject(),
                original.text());
        // one partition, sent together: the listener gets them in one poll and takes them on in this order
        intake.send(onPartitionZero(intake.record(original)));
        intake.send(onPartitionZero(intake.record(repeated)));
        intake.send(new ProducerRecord<>(Topics.ENQUIRY_RECEIVED, 0, after, new byte[] { 4, 5, 6 }));
        intake.send(onPartitionZero(intake.record(CaseFixtures.enquiry(after, "citizen-" + after, null, "小区电梯停运三天",
                "我们小区3号楼的电梯已经停运三天，老人上下楼很困难，请尽快安排维修。"))));
        SendResult<String, byte[]> last = intake.send(onPartitionZero(intake.record(CaseFixtures.enquiry(other,
                "citizen-" + other, null, "公交站牌被撞倒", "五一大道公交站的站牌昨晚被车撞倒了，等车的人看不到线路，请修复。"))))
                .get();

        awaitConsumed(last);
        // a CaseOpened relayed again as its case was saved with the merge is a redelivery: count the event ids
        await().atMost(PATIENCE).until(() -> caseOpenedEventIds(first).size() == 1
                && caseOpenedEventIds(after).size() == 1 && caseOpenedEventIds(other).size() == 1);
        assertThat(caseOpenedEventIds(repeat)).isEmpty();
        assertThat(mongo.findById(first, Document.class, "cases").getList("enquiryIds", String.class))
                .containsExactly(first, repeat);
        assertThat(mongo.findById(repeat, Document.class, "cases")).isNull();
        assertThat(mongo.count(new Query(Criteria.where("enquiryIds").in(first, repeat, after, other)), "cases"))
                .isEqualTo(3);
        try (TopicReader deadLetters = new TopicReader(brokers(), Topics.deadLetter(Topics.ENQUIRY_RECEIVED))) {
            await().atMost(PATIENCE).until(() -> deadLetters.records().stream().anyMatch(r -> after.equals(r.key())));
        }

        awaitConsumed(publish(repeated));
        assertThat(mongo.findById(first, Document.class, "cases").getList("enquiryIds", String.class))
                .containsExactly(first, repeat);
        assertThat(mongo.findById(repeat, Document.class, "cases")).isNull();
    }

    private static ProducerRecord<String, byte[]> onPartitionZero(ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), 0, record.key(), record.value(), record.headers());
    }

    private SendResult<String, byte[]> publish(EnquiryReceived enquiry) throws Exception {
        return intake.publish(enquiry);
    }

    /** Waits until the triage service has committed its offset past a record, so it has handled it. */
    private void awaitConsumed(SendResult<String, byte[]> sent) {
        TopicPartition partition = new TopicPartition(sent.getRecordMetadata().topic(),
                sent.getRecordMetadata().partition());
        long offset = sent.getRecordMetadata().offset();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
            await().atMost(PATIENCE).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("triage-service").partitionsToOffsetAndMetadata().get();
                OffsetAndMetadata position = committed.get(partition);
                return position != null && position.offset() > offset;
            });
        }
    }

    private List<ConsumerRecord<String, byte[]>> caseOpened(String caseId) {
        return caseEvents.records().stream()
                .filter(r -> caseId.equals(r.key()))
                .filter(r -> "case.opened.v1".equals(TopicReader.header(r, "ce_type")))
                .toList();
    }

    private Set<String> caseOpenedEventIds(String caseId) {
        return caseOpened(caseId).stream().map(r -> TopicReader.header(r, "ce_id")).collect(Collectors.toSet());
    }

    private List<?> pendingEvents(String caseId) {
        Document document = mongo.findById(caseId, Document.class, "cases");
        return document == null ? null : document.getList("outbox", Object.class);
    }

    private String brokers() {
        return intake.brokers();
    }
}
