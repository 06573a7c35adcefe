package org.enquirytriage.publishing.responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.enquirytriage.publishing.surges.SurgeSettings;
import org.junit.jupiter.api.Test;

class SurgeResponseTests {

    private static final Instant DETECTED = Instant.parse("2026-03-02T02:00:00Z");
    private static final SurgeSettings.Level BLUE = SurgeSettings.defaults().levels().get(0);
    private static final SurgeSettings.Level ORANGE = SurgeSettings.defaults().levels().get(2);

    private static Clock at(Duration after) {
        return Clock.fixed(DETECTED.plus(after), ZoneOffset.UTC);
    }

    private static SurgeResponse open(SurgeSettings.Level level) {
        return SurgeResponse.open("s-1", level, "GROUP", "g-1", "车位捆绑销售", List.of("c-1", "c-2"),
                List.of("housing"), DETECTED.minus(Duration.ofMinutes(20)), DETECTED);
    }

    @Test
    void shouldEscalateAnUnacknowledgedSurgeWhenItsLevelsMinutesRunOut() {
        SurgeResponse response = open(BLUE);

        assertThat(response.escalate(at(Duration.ofMinutes(59)).instant())).isEmpty();
        assertThat(response.escalate(at(Duration.ofMinutes(60)).instant())).singleElement()
                .satisfies(escalation -> {
                    assertThat(escalation.kind()).isEqualTo(SurgeResponse.Overdue.ACKNOWLEDGEMENT);
                    assertThat(escalation.dueAt()).isEqualTo(DETECTED.plus(Duration.ofMinutes(60)));
                });
        assertThat(response.escalate(at(Duration.ofMinutes(90)).instant())).as("escalated once").isEmpty();
        assertThat(response.elapsedMinutes(at(Duration.ofMinutes(90)).instant())).isEqualTo(90);
    }

    @Test
    void shouldNotEscalateASurgeAcknowledgedInTime() {
        SurgeResponse response = open(BLUE);

        assertThat(response.acknowledge("supervisor-1", at(Duration.ofMinutes(12)).instant()))
                .isEqualTo(Duration.ofMinutes(12));

        assertThat(response.escalate(at(Duration.ofHours(3)).instant())).isEmpty();
    }

    @Test
    void shouldAskTheTopLevelsForAPublicStatementWithinTheHour() {
        SurgeResponse response = open(ORANGE);
        response.acknowledge("supervisor-1", at(Duration.ofMinutes(10)).instant());

        assertThat(response.escalate(at(Duration.ofMinutes(60)).instant())).singleElement()
                .satisfies(escalation -> assertThat(escalation.kind()).isEqualTo(SurgeResponse.Overdue.STATEMENT));

        SurgeResponse answered = open(ORANGE);
        answered.acknowledge("supervisor-1", at(Duration.ofMinutes(5)).instant());
        answered.linkStatement("statement-s-1", "supervisor-1", at(Duration.ofMinutes(40)).instant());
        assertThat(answered.escalate(at(Duration.ofMinutes(61)).instant())).isEmpty();
    }

    @Test
    void shouldShortenTheClockWhenTheSurgeIsRaised() {
        SurgeResponse response = open(BLUE);

        assertThat(response.raise(ORANGE, List.of("c-3"), List.of("ecology"), DETECTED.plus(Duration.ofMinutes(10))))
                .isTrue();

        assertThat(response.level()).isEqualTo("橙");
        assertThat(response.acknowledgeDue()).isEqualTo(DETECTED.plus(Duration.ofMinutes(25)));
        assertThat(response.statementDue()).isEqualTo(DETECTED.plus(Duration.ofMinutes(70)));
        assertThat(response.departments()).containsExactly("housing", "ecology");
        assertThat(response.caseIds()).containsExactly("c-1", "c-2", "c-3");
        assertThat(response.raise(BLUE, List.of(), List.of(), DETECTED.plus(Duration.ofMinutes(20)))).isFalse();
    }

    @Test
    void shouldCloseOnlyAnAcknowledgedResponseAndOnlyWithASummary() {
        SurgeResponse response = open(BLUE);
        Instant now = at(Duration.ofMinutes(30)).instant();

        assertThatThrownBy(() -> response.close("处理完毕", "supervisor-1", now))
                .isInstanceOf(ResponseConflictException.class).hasMessageContaining("OPEN");
        response.acknowledge("supervisor-1", now);
        response.assignLead("housing", "supervisor-1", now);
        assertThatThrownBy(() -> response.close(" ", "supervisor-1", now))
                .isInstanceOf(IllegalArgumentException.class);
        response.close("开发商已停止捆绑销售，住建局发布说明。", "supervisor-1", now);

        assertThat(response.status()).isEqualTo(SurgeResponse.Status.CLOSED);
        assertThat(response.leadDepartment()).isEqualTo("housing");
        assertThat(response.history()).extracting(SurgeResponse.Step::action)
                .containsExactly("DETECTED", "ACKNOWLEDGED", "LEAD_ASSIGNED", "CLOSED");
        assertThat(response.escalate(at(Duration.ofHours(5)).instant())).isEmpty();
    }
}
