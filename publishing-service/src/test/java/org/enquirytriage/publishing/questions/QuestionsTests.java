package org.enquirytriage.publishing.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.enquirytriage.testsupport.EmbeddedMongoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

@DataMongoTest
@Import(EmbeddedMongoConfiguration.class)
class QuestionsTests {

    private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

    @Autowired
    MongoTemplate mongo;

    Questions questions;

    @BeforeEach
    void setUp() {
        mongo.dropCollection(Question.class);
        questions = new Questions(mongo);
        questions.createIndexes();
    }

    @Test
    void shouldRecordAQuestionOnlyOnce() {
        String caseId = UUID.randomUUID().toString();

        assertThat(questions.record(asked(caseId, "社会保障", AT))).isTrue();
        assertThat(questions.record(asked(caseId, "其他", AT.plusSeconds(1)))).isFalse();

        assertThat(questions.find(caseId)).hasValueSatisfying(question -> {
            assertThat(question.topic()).isEqualTo("社会保障");
            assertThat(question.openedAt()).isEqualTo(AT);
            assertThat(question.answer()).isNull();
        });
    }

    @Test
    void shouldKeepTheLaterAnswerWhenAnEarlierOneComesAfterIt() {
        String caseId = UUID.randomUUID().toString();
        questions.record(asked(caseId, "社会保障", AT));

        assertThat(questions.answer(caseId, "新的答复", AT.plusSeconds(7200), false)).isTrue();
        assertThat(questions.answer(caseId, "新的答复", AT.plusSeconds(7200), false)).isTrue();
        assertThat(questions.answer(caseId, "旧的答复", AT.plusSeconds(3600), false)).isFalse();

        assertThat(questions.find(caseId)).hasValueSatisfying(question -> {
            assertThat(question.answer()).isEqualTo("新的答复");
            assertThat(question.answeredAt()).isEqualTo(AT.plusSeconds(7200));
        });
    }

    @Test
    void shouldKeepNoAnswerForAnUnknownQuestion() {
        String caseId = UUID.randomUUID().toString();

        assertThat(questions.answer(caseId, "答复", AT, false)).isFalse();

        assertThat(questions.find(caseId)).isEmpty();
    }

    @Test
    void shouldListTheMostRecentQuestionsOfOneTopicOrOfAll() {
        questions.record(asked("a", "社会保障", AT));
        questions.record(asked("b", "城乡建设", AT.plusSeconds(60)));
        questions.record(asked("c", "社会保障", AT.plusSeconds(120)));

        assertThat(questions.recent("社会保障", 20)).extracting(Question::caseId).containsExactly("c", "a");
        assertThat(questions.recent(null, 20)).extracting(Question::caseId).containsExactly("c", "b", "a");
        assertThat(questions.recent(" ", 2)).extracting(Question::caseId).containsExactly("c", "b");
    }

    private static Question asked(String caseId, String topic, Instant openedAt) {
        return Question.asked(CaseEvents.opened(caseId, topic, openedAt), openedAt.plusSeconds(1));
    }
}
