package org.enquirytriage.publishing.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.ContainerInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.fasterxml.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ContainerInfrastructure.class)
@Testcontainers(disabledWithoutDocker = true)
class QuestionRecordingContainerTests {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    @Test
    void shouldRecordTheQuestionOfAnOpenedCaseAndItsAnswer() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String topic = "社会保障";
        kafka.send(codec.toRecord(codec.toOutbox(CaseEvents.opened(caseId, topic, Instant.now()))))
                .get(10, TimeUnit.SECONDS);
        kafka.send(codec.toRecord(codec.toOutbox(CaseEvents.answered(caseId, "请到社保服务大厅补办。", Instant.now()))))
                .get(10, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Document question = mongo.findById(caseId, Document.class, "questions");
            assertThat(question).isNotNull();
            assertThat(question.getString("answer")).isEqualTo("请到社保服务大厅补办。");
        });
        TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, StaffAuthentication.bearer(StaffAuthentication.editor())));
        ResponseEntity<JsonNode> one = rest.getForEntity("/api/questions/{caseId}", JsonNode.class, caseId);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody().path("topic").asText()).isEqualTo(topic);
        assertThat(one.getBody().has("citizenKey")).isFalse();
        assertThat(rest.getForObject("/api/questions?topic={topic}", JsonNode.class, topic)
                .findValuesAsText("caseId")).contains(caseId);
    }
}
