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
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What happens when intake publishes an enquiry: the same scenarios on the embedded infrastructure and, where Docker
 * exists, on real Kafka and MongoDB.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class CaseOpeningScenarios {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    KafkaConnectionDetails kafkaConnection;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MockMvc mvc;

    private CloudEventCodec intake;
    private TopicReader caseEvents;

    @BeforeEach
    void connect() {
        intake = new CloudEventCodec(objectMapper, "intake-service");
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
        assertThat(stored.getList("enquiryIds", String.class)).containsExactly(id);
        assertThat(stored.getString("channel")).isEqualTo("portal");
        assertThat(stored.getString("subject")).isEqualTo(enquiry.subject());
        assertThat(stored.getString("text")).isEqualTo(enquiry.text());
        assertThat(stored.getString("regionCode")).isEqualTo("430103");
        assertThat(stored.getString("citizenKey")).isEqualTo("c1f4e2");
        assertThat(stored.get("classification", Document.class).getString("kind")).isEqualTo("PROBLEM_REPORT");
        assertThat(stored.getString("department")).isEqualTo("triage-desk");
        assertThat(stored.getString("status")).isEqualTo("ROUTED");
        Instant openedAt = stored.getDate("openedAt").toInstant();
        assertThat(stored.getDate("firstResponseDue").toInstant()).isEqualTo(openedAt.plus(Duration.ofDays(1)));
        assertThat(stored.getDate("resolutionDue").toInstant()).isEqualTo(openedAt.plus(Duration.ofDays(3)));
        assertThat(stored.getList("history", Document.class)).extracting(entry -> entry.getString("action"))
                .containsExactly("OPENED", "ROUTED");

        ConsumerRecord<String, byte[]> record = await().atMost(PATIENCE).until(() -> caseOpened(id),
                records -> !records.isEmpty()).get(0);
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("case.opened.v1");
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("triage-service");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(id);
        CaseOpened opened = (CaseOpened) codec.decode(record).orElseThrow();
        assertThat(opened.caseId()).isEqualTo(id);
        assertThat(opened.enquiryId()).isEqualTo(id);
        assertThat(opened.channel()).isEqualTo("portal");
        assertThat(opened.subject()).isEqualTo(enquiry.subject());
        assertThat(opened.text()).isEqualTo(enquiry.text());
        assertThat(opened.regionCode()).isEqualTo("430103");
        assertThat(opened.citizenKey()).isEqualTo("c1f4e2");
        assertThat(opened.classification().kind()).isEqualTo(EnquiryKind.PROBLEM_REPORT);
        assertThat(opened.classification().priority()).isEqualTo(Priority.NORMAL);
        assertThat(opened.classification().modelVersion()).isEqualTo("placeholder-rules");
        assertThat(opened.department()).isEqualTo("triage-desk");
        assertThat(opened.occurredAt()).isEqualTo(openedAt);
        assertThat(opened.firstResponseDue()).isEqualTo(openedAt.plus(Duration.ofDays(1)));
        assertThat(opened.resolutionDue()).isEqualTo(openedAt.plus(Duration.ofDays(3)));
        assertThat(opened.eventId()).isNotBlank();
        await().atMost(PATIENCE).until(() -> pendingEvents(id), List::isEmpty);

        mvc.perform(get("/api/cases/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ROUTED"))
                .andExpect(jsonPath("$.department").value("triage-desk"))
                .andExpect(jsonPath("$.kind").value("PROBLEM_REPORT"));
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
        assertThat(caseOpened(id)).hasSize(1);
    }

    @Test
    void shouldDeadLetterARecordThatIsNoEventAndGoOnWithTheNextOne() throws Exception {
        String id = UUID.randomUUID().toString();

        kafka.send(new ProducerRecord<>(Topics.ENQUIRY_RECEIVED, id, new byte[] { 1, 2, 3 })).get();
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

    private SendResult<String, byte[]> publish(EnquiryReceived enquiry) throws Exception {
        return kafka.send(intake.toRecord(intake.toOutbox(enquiry))).get();
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

    private List<?> pendingEvents(String caseId) {
        Document document = mongo.findById(caseId, Document.class, "cases");
        return document == null ? null : document.getList("outbox", Object.class);
    }

    private String brokers() {
        return String.join(",", kafkaConnection.getBootstrapServers());
    }
}
