package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.triage.casework.CaseFigures.CaseRow;
import org.enquirytriage.triage.casework.CaseFigures.Window;
import org.junit.jupiter.api.Test;

class CaseFiguresTests {

    private static final Instant NOW = Instant.parse("2026-03-10T06:00:00Z");
    private static final Window MARCH = new Window(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-03-11T00:00:00Z"));
    private static final Instant IN_MARCH = Instant.parse("2026-03-05T02:00:00Z");
    private static final Instant IN_FEBRUARY = Instant.parse("2026-02-20T02:00:00Z");

    @Test
    void shouldCountTheBacklogOfEveryDepartmentWithZerosForThoseWithoutCases() {
        Map<String, CaseFigures> figures = CaseFigures.count(List.of("housing", "transport"), List.of(
                row("housing", CaseStatus.ROUTED, IN_FEBRUARY, NOW.minusSeconds(60), 1, null, null, null),
                row("housing", CaseStatus.ACCEPTED, IN_MARCH, NOW.plusSeconds(60), 0, true, null, null),
                row("housing", CaseStatus.CLOSED, IN_FEBRUARY, null, 0, true, true, null),
                row("health", CaseStatus.REOPENED, IN_MARCH, NOW.minusSeconds(1), 0, true, null, null)),
                NOW, MARCH);

        assertThat(figures).containsOnlyKeys("health", "housing", "transport");
        assertThat(figures.get("housing")).extracting(CaseFigures::open, CaseFigures::overdue,
                CaseFigures::escalated).containsExactly(2L, 1L, 1L);
        assertThat(figures.get("health")).extracting(CaseFigures::open, CaseFigures::overdue)
                .containsExactly(1L, 1L);
        assertThat(figures.get("transport")).isEqualTo(CaseFigures.NONE);
    }

    @Test
    void shouldComputeTheThreeRatesOfTheCasesOpenedInTheWindowAsTheSupervisionApiDoes() {
        Map<String, CaseFigures> figures = CaseFigures.count(List.of(), List.of(
                row("housing", CaseStatus.CLOSED, IN_MARCH, null, 0, true, true, Satisfaction.SATISFIED),
                row("housing", CaseStatus.RESOLVED, IN_MARCH, null, 0, false, false, Satisfaction.DISSATISFIED),
                row("housing", CaseStatus.ANSWERED, IN_MARCH, NOW.plusSeconds(600), 0, true, null,
                        Satisfaction.BASICALLY_SATISFIED),
                row("housing", CaseStatus.ROUTED, IN_MARCH, NOW.plusSeconds(600), 0, null, null, null),
                row("housing", CaseStatus.MERGED, IN_MARCH, null, 0, null, null, null),
                row("housing", CaseStatus.CLOSED, IN_FEBRUARY, null, 0, true, true, Satisfaction.SATISFIED)),
                NOW, MARCH);

        CaseFigures housing = figures.get("housing");
        assertThat(housing.opened()).isEqualTo(4);
        assertThat(housing.responseRate()).isEqualTo(0.5);
        assertThat(housing.resolutionRate()).isEqualTo(0.5);
        assertThat(housing.onTimeResolutionRate()).isEqualTo(0.25);
        assertThat(housing.satisfactionRate()).isEqualTo(2.0 / 3);
    }

    @Test
    void shouldHaveNoRateWithoutCasesToComputeItFrom() {
        Map<String, CaseFigures> figures = CaseFigures.count(List.of("transport"), List.of(), NOW, MARCH);

        assertThat(figures.get("transport").responseRate()).isNull();
        assertThat(figures.get("transport").satisfactionRate()).isNull();
    }

    @Test
    void shouldCountTheStartOfTheWindowInAndItsEndOut() {
        assertThat(MARCH.contains(MARCH.from())).isTrue();
        assertThat(MARCH.contains(MARCH.to())).isFalse();
        assertThat(MARCH.contains(null)).isFalse();
    }

    private static CaseRow row(String department, CaseStatus status, Instant openedAt, Instant nextDue,
            int escalationLevel, Boolean firstResponseOnTime, Boolean resolutionOnTime, Satisfaction rating) {
        return new CaseRow(department, status, openedAt, nextDue, escalationLevel, firstResponseOnTime,
                resolutionOnTime, rating);
    }
}
