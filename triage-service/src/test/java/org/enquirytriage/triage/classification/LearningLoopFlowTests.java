package org.enquirytriage.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.enquirytriage.classifier.ShippedModels;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The learning loop in the running service: staff correct the kind of a kind of message the shipped model gets
 * wrong, an admin starts a run, the candidate trained on the corrections beats the running model on the held-out
 * ones and is promoted, new enquiries of that kind are classified as staff said, another instance takes the promoted
 * model up from the database, and the decision with both scores is shown to admins only.
 */
@SpringBootTest(properties = { "triage.classification.learning.schedule=-",
        "triage.classification.learning.held-out-share=4", "triage.classification.learning.min-held-out=5" })
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class LearningLoopFlowTests {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int CORRECTED = 40;

    /** A citizen's own difficulty, asking for help: a help request, which the shipped model takes for a report. */
    private static final String[] PLACES = { "丽景苑", "滨河苑", "书香门第", "金色家园", "碧桂园", "阳光城", "万科城",
            "融科东南海" };
    private static final String[] OBSTACLES = { "物业不同意", "物业以电容不够为由拒绝", "物业一直不给盖章",
            "供电公司说要物业同意，物业又不管" };
    private static final String[] ASKS = { "希望有关部门协调解决。", "请相关部门督促物业配合。", "望尽快处理。",
            "希望政府出面解决。", "请有关部门处理。" };

    @Autowired
    MockMvc mvc;

    @Autowired
    ModelClassifier classifier;

    @Autowired
    PromotedModels promoted;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    ObjectMapper objectMapper;

    @AfterEach
    void restoreTheShippedModels() {
        mongo.dropCollection(PromotedModels.COLLECTION);
        mongo.dropCollection(ModelDecision.COLLECTION);
        classifier.replace("kind", ShippedModels.load("kind"), "shipped");
        classifier.replace("topic", ShippedModels.load("topic"), "shipped");
    }

    @Test
    void shouldPromoteAModelTrainedOnStaffCorrectionsThatClassifiesTheirKindOfTextAsStaffDid() throws Exception {
        // fixed case ids, so that the same 10 of the 40 corrections are held out every time (CRC-32 % 4 == 0)
        List<String> ids = IntStream.range(0, CORRECTED).mapToObj(i -> "learning-case-" + i).toList();
        CloudEventCodec intake = new CloudEventCodec(objectMapper, "intake-service");
        for (int i = 0; i < CORRECTED; i++) {
            String[] words = chargingPoint(i);
            send(intake, enquiry(ids.get(i), words[0], words[1]));
        }
        for (String id : ids) {
            Document opened = await().atMost(PATIENCE).until(() -> mongo.findById(id, Document.class, "cases"),
                    document -> document != null);
            assertThat(opened.get("classification", Document.class).getString("kind")).isEqualTo("PROBLEM_REPORT");
        }

        for (String id : ids) {
            mvc.perform(post("/api/cases/{id}/reclassify", id)
                            .with(StaffAuthentication.as(StaffAuthentication.supervisor()))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"kind":"HELP_REQUEST","topic":"城乡建设","priority":"NORMAL",
                                     "reason":"本人车位的困难，求助"}"""))
                    .andExpect(status().isOk());
        }
        await().atMost(PATIENCE).until(() -> mongo.count(new org.springframework.data.mongodb.core.query.Query(),
                TrainingLabel.COLLECTION) >= CORRECTED);

        mvc.perform(post("/api/triage/learning/runs").with(StaffAuthentication.as(StaffAuthentication.supervisor())))
                .andExpect(status().isForbidden());
        String started = mvc.perform(post("/api/triage/learning/runs")
                        .with(StaffAuthentication.as(StaffAuthentication.admin())))
                .andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String runId = objectMapper.readValue(started, Map.class).get("runId").toString();

        List<Map<String, Object>> decisions = await().atMost(Duration.ofMinutes(10))
                .until(() -> decisionsOf(runId), list -> list.size() == 2);
        Map<String, Object> kind = decisions.stream().filter(d -> "kind".equals(d.get("label"))).findFirst()
                .orElseThrow();
        String shippedKind = ShippedModels.load("kind").version();
        assertThat(kind.get("promoted")).isEqualTo(true);
        assertThat(kind.get("runningVersion")).isEqualTo(shippedKind);
        assertThat((Double) kind.get("candidateMacroF1")).isGreaterThan((Double) kind.get("runningMacroF1"));
        assertThat(kind.get("heldOut")).isEqualTo(10);
        assertThat((Integer) kind.get("heldOut") + (Integer) kind.get("correctionTexts")).isEqualTo(CORRECTED);
        assertThat(kind.get("trigger")).isEqualTo("admin:admin");
        String candidate = kind.get("candidateVersion").toString();

        String[] fresh = { "想在车位装充电桩", "我想在自己的车位上安装充电桩，物业公司一直不给盖章，"
                + "希望有关部门督促解决。" };
        assertThat(classifier.model("kind").version()).isEqualTo(candidate);
        String newId = "learning-new-" + UUID.randomUUID();
        send(intake, enquiry(newId, fresh[0], fresh[1]));
        Document opened = await().atMost(PATIENCE).until(() -> mongo.findById(newId, Document.class, "cases"),
                document -> document != null);
        assertThat(opened.get("classification", Document.class).getString("kind")).isEqualTo("HELP_REQUEST");
        assertThat(opened.get("classification", Document.class).getString("modelVersion")).startsWith(candidate);

        ModelClassifier otherInstance = new ModelClassifier(ClassificationFixtures.properties(null),
                Clock.systemUTC(), new SimpleMeterRegistry());
        assertThat(otherInstance.classify(fresh[0], fresh[1]).kind().name()).isEqualTo("PROBLEM_REPORT");
        new PromotedModelWatcher(promoted, otherInstance).check();
        assertThat(otherInstance.classify(fresh[0], fresh[1]).kind().name()).isEqualTo("HELP_REQUEST");
        assertThat(otherInstance.model("kind").version()).isEqualTo(candidate);

        mvc.perform(get("/api/triage/learning/decisions")
                        .with(StaffAuthentication.as(StaffAuthentication.supervisor())))
                .andExpect(status().isForbidden());
    }

    private List<Map<String, Object>> decisionsOf(String runId) throws Exception {
        String body = mvc.perform(get("/api/triage/learning/decisions")
                        .with(StaffAuthentication.as(StaffAuthentication.admin())))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<Map<String, Object>> all = objectMapper.readValue(body, new TypeReference<>() {
        });
        return all.stream().filter(decision -> runId.equals(decision.get("runId"))).toList();
    }

    /** The subject and text of the i-th message about a charging point on the writer's own parking space. */
    private static String[] chargingPoint(int i) {
        String place = PLACES[i % PLACES.length];
        return new String[] { place + "车位充电桩安装", "我在" + place + "买了" + (i % 3 + 1) + "号楼下的车位，想给新买的电动汽车装个充电桩，"
                + OBSTACLES[i % OBSTACLES.length] + "，" + ASKS[i % ASKS.length] };
    }

    private static EnquiryReceived enquiry(String id, String subject, String text) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new EnquiryReceived(UUID.randomUUID().toString(), now, id, "portal", "ext-" + id, subject, text, now,
                null, null, List.of());
    }

    private void send(CloudEventCodec codec, org.enquirytriage.events.DomainEvent event) throws Exception {
        kafka.send(codec.toRecord(codec.toOutbox(event))).get();
    }
}
