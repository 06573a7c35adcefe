package org.enquirytriage.publishing.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.Topics;
import org.enquirytriage.publishing.PublishingIntegrationTest;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

class QuestionRecordingTests extends PublishingIntegrationTest {

    @Test
    void shouldRecordTheQuestionOfAnOpenedCaseAndShowItWithoutTheCitizensKey() {
        String caseId = UUID.randomUUID().toString();
        String topic = newTopic();
        Instant openedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        publish(CaseEvents.opened(caseId, topic, openedAt));

        Document question = awaitQuestion(caseId);
        assertThat(question.getString("subject")).isEqualTo(CaseEvents.SUBJECT);
        assertThat(question.getString("text")).isEqualTo(CaseEvents.TEXT);
        assertThat(question.getString("kind")).isEqualTo("POLICY_QUESTION");
        assertThat(question.getString("topic")).isEqualTo(topic);
        assertThat(question.getString("channel")).isEqualTo("portal");
        assertThat(question.getString("regionCode")).isEqualTo("430103");
        assertThat(question.getString("citizenKey")).isEqualTo(CaseEvents.CITIZEN_KEY);
        assertThat(question.getDate("openedAt")).isEqualTo(Date.from(openedAt));
        assertThat(question.getDate("receivedAt")).isNotNull();
        assertThat(question).containsEntry("answer", null);

        ResponseEntity<JsonNode> one = editor().getForEntity("/api/questions/{caseId}", JsonNode.class, caseId);
        assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(one.getBody().path("caseId").asText()).isEqualTo(caseId);
        assertThat(one.getBody().path("subject").asText()).isEqualTo(CaseEvents.SUBJECT);
        assertThat(one.getBody().path("topic").asText()).isEqualTo(topic);
        assertThat(one.getBody().path("openedAt").asText()).isEqualTo(openedAt.toString());
        assertThat(one.getBody().path("answer").isNull()).isTrue();
        assertThat(one.getBody().has("citizenKey")).isFalse();

        ResponseEntity<JsonNode> list = editor().getForEntity("/api/questions?topic={topic}", JsonNode.class, topic);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).hasSize(1);
        assertThat(list.getBody().get(0).path("caseId").asText()).isEqualTo(caseId);
    }

    @Test
    void shouldShowTheQuestionsToEditorsOnly() {
        assertThat(rest.getForEntity("/api/questions", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(StaffAuthentication.staff("housing")).getForEntity("/api/questions", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void shouldListTheQuestionsOfATopicNewestFirst() {
        String topic = newTopic();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        publish(CaseEvents.opened(older, topic, now.minusSeconds(60)));
        publish(CaseEvents.opened(newer, topic, now));
        publish(CaseEvents.opened(elsewhere, newTopic(), now));

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                editor().getForObject("/api/questions?topic={topic}", JsonNode.class, topic).findValuesAsText("caseId"))
                .containsExactly(newer, older));
        assertThat(editor().getForObject("/api/questions?topic={topic}&limit=1", JsonNode.class, topic)
                .findValuesAsText("caseId")).containsExactly(newer);
    }

    @Test
    void shouldRecordAQuestionOnceWhenItsEventComesTwice() {
        String caseId = UUID.randomUUID().toString();
        DomainEvent opened = CaseEvents.opened(caseId, newTopic(), Instant.now());
        publish(opened);
        Date firstReceived = awaitQuestion(caseId).getDate("receivedAt");

        publish(opened);
        publish(CaseEvents.answered(caseId, "请携带身份证到社保服务大厅补办。", Instant.now()));

        await().atMost(WAIT).until(() -> question(caseId).getString("answer") != null);
        assertThat(mongo.count(new Query(Criteria.where("_id").is(caseId)), "questions")).isEqualTo(1);
        assertThat(question(caseId).getDate("receivedAt")).isEqualTo(firstReceived);
    }

    @Test
    void shouldSetTheAnswerWhenTheCaseIsAnswered() {
        String caseId = UUID.randomUUID().toString();
        Instant answeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(CaseEvents.opened(caseId, newTopic(), answeredAt.minusSeconds(3600)));
        DomainEvent answered = CaseEvents.answered(caseId, "请携带身份证到社保服务大厅补办。", answeredAt);

        publish(answered);
        publish(answered);

        await().atMost(WAIT).until(() -> question(caseId) != null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(question(caseId).getString("answer"))
                .isEqualTo("请携带身份证到社保服务大厅补办。"));
        assertThat(question(caseId).getDate("answeredAt")).isEqualTo(Date.from(answeredAt));
        JsonNode shown = editor().getForObject("/api/questions/{caseId}", JsonNode.class, caseId);
        assertThat(shown.path("answer").asText()).isEqualTo("请携带身份证到社保服务大厅补办。");
        assertThat(shown.path("answeredAt").asText()).isEqualTo(answeredAt.toString());
    }

    @Test
    void shouldKeepNoAnswerToACaseWhoseQuestionIsUnknown() {
        String caseId = UUID.randomUUID().toString();
        assertThat(editor().getForEntity("/api/questions/{caseId}", JsonNode.class, caseId).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        publish(CaseEvents.answered(caseId, "答复", Instant.now()));
        publish(CaseEvents.opened(caseId, newTopic(), Instant.now()));

        assertThat(awaitQuestion(caseId)).containsEntry("answer", null).containsEntry("answeredAt", null);
    }

    @Test
    void shouldDeadLetterARecordThatIsNoEventAndGoOnWithTheNext() throws Exception {
        String caseId = UUID.randomUUID().toString();
        try (TopicReader deadLetters = new TopicReader(brokers, Topics.deadLetter(Topics.CASE_EVENTS))) {
            kafka.send(new ProducerRecord<>(Topics.CASE_EVENTS, caseId, new byte[] { 1, 2, 3 }))
                    .get(10, TimeUnit.SECONDS);
            publish(CaseEvents.opened(caseId, newTopic(), Instant.now()));

            await().atMost(WAIT).untilAsserted(() -> assertThat(deadLetters.records())
                    .anySatisfy(record -> {
                        assertThat(record.key()).isEqualTo(caseId);
                        assertThat(record.value()).containsExactly(1, 2, 3);
                    }));
        }
        awaitQuestion(caseId);
    }

    private Document awaitQuestion(String caseId) {
        await().atMost(WAIT).until(() -> question(caseId) != null);
        return question(caseId);
    }

    private Document question(String caseId) {
        return mongo.findById(caseId, Document.class, "questions");
    }

    private static String newTopic() {
        return "社会保障-" + UUID.randomUUID();
    }
}
