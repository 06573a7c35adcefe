package org.enquirytriage.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.enquirytriage.classifier.LabelModel;
import org.enquirytriage.classifier.ShippedModels;
import org.enquirytriage.events.CaseReclassified;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Priority;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The classifier in the running service: every case records the model versions that classified it, an admin
 * replaces a model without a restart, and staff corrections are kept once each as training labels and exported.
 */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class ClassificationFlowTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;

    @Autowired
    ModelClassifier classifier;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    KafkaConnectionDetails kafkaConnection;

    @Autowired
    ObjectMapper objectMapper;

    @AfterEach
    void restoreTheShippedModels() {
        classifier.replace("kind", ShippedModels.load("kind"), "shipped");
        classifier.replace("topic", ShippedModels.load("topic"), "shipped");
    }

    @Test
    void shouldOpenACaseWithTheClassificationAndTheVersionsOfTheModels() throws Exception {
        String id = UUID.randomUUID().toString();

        send(new CloudEventCodec(objectMapper, "intake-service"), enquiry(id));

        Document opened = await().atMost(PATIENCE).until(() -> mongo.findById(id, Document.class, "cases"),
                document -> document != null);
        Document classification = opened.get("classification", Document.class);
        assertThat(classification.getString("modelVersion")).isEqualTo(ShippedModels.load("kind").version() + "+"
                + ShippedModels.load("topic").version());
        assertThat(classification.getString("topic")).isEqualTo("环境保护");
        assertThat(classification.getList("features", String.class)).isNotEmpty();
    }

    @Test
    void shouldReplaceAModelForAnAdminAndRefuseABrokenOneWhileTheOldOneServes() throws Exception {
        LabelModel topic = ClassificationFixtures.twoTopics();

        mvc.perform(post("/api/triage/models/topic").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(ClassificationFixtures.bytes(topic)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(topic.version()))
                .andExpect(jsonPath("$.source").value("upload by admin"));
        assertThat(classifier.classify("工资", "老板拖欠工资").modelVersion()).endsWith("+" + topic.version());

        mvc.perform(post("/api/triage/models/topic").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content("not a model".getBytes()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("goes on serving")));
        mvc.perform(get("/api/triage/models").with(StaffAuthentication.as(StaffAuthentication.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.models[1].label").value("topic"))
                .andExpect(jsonPath("$.models[1].version").value(topic.version()));

        mvc.perform(post("/api/triage/models/sentiment").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(ClassificationFixtures.bytes(topic)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/triage/models/topic").with(StaffAuthentication.as(StaffAuthentication.supervisor()))
                        .contentType(MediaType.APPLICATION_OCTET_STREAM).content(ClassificationFixtures.bytes(topic)))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldKeepAStaffCorrectionOnceAsATrainingLabelAndExportIt() throws Exception {
        String id = UUID.randomUUID().toString();
        CloudEventCodec triage = new CloudEventCodec(objectMapper, "triage-service");
        send(new CloudEventCodec(objectMapper, "intake-service"), enquiry(id));
        await().atMost(PATIENCE).until(() -> mongo.findById(id, Document.class, "cases") != null);
        CaseReclassified correction = new CaseReclassified(UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), id, new Classification(EnquiryKind.HELP_REQUEST,
                        "城乡建设", Priority.HIGH, 1.0, "staff:staff-7", List.of()),
                "housing-construction", "staff-7", "施工方是开发商", "小区旁工地夜间施工噪音扰民",
                "小区旁边的工地每天夜里施工到凌晨，噪音很大，居民无法休息，请环保部门查处。");

        send(triage, correction);
        SendResult<String, byte[]> again = send(triage, correction);

        awaitConsumed(again);
        List<TrainingLabel> kept = mongo.find(new Query(Criteria.where("caseId").is(id)), TrainingLabel.class,
                TrainingLabel.COLLECTION);
        assertThat(kept).singleElement().satisfies(label -> {
            assertThat(label.id()).isEqualTo(correction.eventId());
            assertThat(label.subject()).isEqualTo("小区旁工地夜间施工噪音扰民");
            assertThat(label.kind()).isEqualTo("HELP_REQUEST");
            assertThat(label.topic()).isEqualTo("城乡建设");
            assertThat(label.by()).isEqualTo("staff-7");
        });

        String exported = mvc.perform(get("/api/triage/training-labels")
                        .with(StaffAuthentication.as(StaffAuthentication.admin())))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/x-ndjson"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exported.lines().map(line -> read(line)).filter(line -> "城乡建设".equals(line.get("topic"))))
                .anySatisfy(line -> {
                    assertThat(line.get("subject")).isEqualTo("小区旁工地夜间施工噪音扰民");
                    assertThat(line.get("kind")).isEqualTo("HELP_REQUEST");
                });
        mvc.perform(get("/api/triage/training-labels")
                        .with(StaffAuthentication.as(StaffAuthentication.staff("housing-construction"))))
                .andExpect(status().isForbidden());
    }

    private static EnquiryReceived enquiry(String id) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new EnquiryReceived(UUID.randomUUID().toString(), now, id, "portal", "ext-" + id,
                "小区旁工地夜间施工噪音扰民", "小区旁边的工地每天夜里施工到凌晨，噪音很大，居民无法休息，请环保部门查处。", now, null,
                null, List.of());
    }

    private SendResult<String, byte[]> send(CloudEventCodec codec, org.enquirytriage.events.DomainEvent event)
            throws Exception {
        return kafka.send(codec.toRecord(codec.toOutbox(event))).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String line) {
        try {
            return objectMapper.readValue(line, Map.class);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until the label keeper has committed its offset past a record, so it has handled it. */
    private void awaitConsumed(SendResult<String, byte[]> sent) {
        TopicPartition partition = new TopicPartition(sent.getRecordMetadata().topic(),
                sent.getRecordMetadata().partition());
        long offset = sent.getRecordMetadata().offset();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafkaConnection.getBootstrapServers())))) {
            await().atMost(PATIENCE).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(ReclassificationEventHandler.GROUP).partitionsToOffsetAndMetadata()
                        .get();
                OffsetAndMetadata position = committed.get(partition);
                return position != null && position.offset() > offset;
            });
        }
    }
}
