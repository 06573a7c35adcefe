package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.enquirytriage.events.Satisfaction;
import org.junit.jupiter.api.Test;

/** What a case's citizens were answered and how they rated it, without a case around it. */
class CaseAnswersTests {

    private static final Instant NOW = Instant.parse("2026-03-09T02:00:00Z");

    @Test
    void shouldKeepTheAnswersInTheOrderGiven() {
        Answer first = new Answer(NOW, "wang", "已安排核查。", false);
        Answer second = new Answer(NOW.plusSeconds(60), "wang", "施工已停止。", true);

        CaseAnswers answers = CaseAnswers.none().with(first).with(second);

        assertThat(answers.answers()).containsExactly(first, second);
        assertThat(answers.ratings()).isEmpty();
        assertThat(answers.satisfaction()).isNull();
    }

    @Test
    void shouldTakeTheLatestRatingAsTheSatisfaction() {
        CaseAnswers answers = CaseAnswers.none().with(rating("event-1", Satisfaction.DISSATISFIED))
                .with(rating("event-2", Satisfaction.SATISFIED));

        assertThat(answers.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(answers.ratings()).extracting(Rating::eventId).containsExactly("event-1", "event-2");
    }

    @Test
    void shouldCountARedeliveredRatingOnce() {
        CaseAnswers answers = CaseAnswers.none().with(rating("event-1", Satisfaction.DISSATISFIED));
        Rating again = rating("event-1", Satisfaction.SATISFIED);

        assertThat(answers.knows(again)).isTrue();
        assertThat(answers.knows(rating("event-2", Satisfaction.SATISFIED))).isFalse();
        assertThatThrownBy(() -> answers.with(again)).isInstanceOf(IllegalArgumentException.class);
        assertThat(answers.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
    }

    @Test
    void shouldReadAStoredCaseWithoutAnswersAsNoneGiven() {
        CaseAnswers stored = new CaseAnswers(null, null, null);

        assertThat(stored.answers()).isEmpty();
        assertThat(stored.ratings()).isEmpty();
        assertThat(stored.with(new Answer(NOW, "wang", "已处理。", false)).answers()).hasSize(1);
    }

    private static Rating rating(String eventId, Satisfaction satisfaction) {
        return new Rating(eventId, NOW, "enquiry-1", satisfaction, null);
    }
}
