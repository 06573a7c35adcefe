package org.enquirytriage.triage.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.enquirytriage.triage.casework.CaseFigures;
import org.enquirytriage.triage.casework.CaseFigures.Window;
import org.enquirytriage.triage.routing.Department;
import org.enquirytriage.triage.routing.RoutingProperties;
import org.enquirytriage.triage.sla.SlaFixtures;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CaseFiguresGaugesTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CaseFiguresGauges gauges = new CaseFiguresGauges(null, Clock.systemUTC(), SlaFixtures.calendar(),
            new MetricsProperties(Duration.ofSeconds(30), 30), Optional.of(new RoutingProperties(0.5, 200,
                    Duration.ofSeconds(10), List.of(new Department("housing", "住建局", "Housing")), List.of())),
            registry);

    @Test
    void shouldCountTheRatesOverTheLastThirtyCalendarDaysInTheCalendarsZoneTodayIncluded() {
        Window window = gauges.ratesWindow(shanghai("2026-03-31T08:00"));

        assertThat(window.from()).isEqualTo(shanghai("2026-03-02T00:00"));
        assertThat(window.to()).isEqualTo(shanghai("2026-04-01T00:00"));
    }

    @Test
    void shouldReportTheFiguresPerDepartmentAndLeaveOutARateWithoutBase() {
        gauges.publish(Map.of(
                "housing", new CaseFigures(5, 2, 1, 4, 3, 2, 1, 0, 0),
                "transport", CaseFigures.NONE));

        assertThat(registry.get("triage.cases.open").tag("department", "housing").gauge().value()).isEqualTo(5);
        assertThat(registry.get("triage.cases.overdue").tag("department", "housing").gauge().value()).isEqualTo(2);
        assertThat(registry.get("triage.cases.open").tag("department", "transport").gauge().value()).isZero();
        assertThat(registry.get("triage.response.rate.ratio").tag("department", "housing").gauge().value())
                .isEqualTo(0.75);
        assertThat(registry.find("triage.response.rate.ratio").tag("department", "transport").gauge()).isNull();
        assertThat(registry.find("triage.satisfaction.rate.ratio").gauges()).isEmpty();
        assertThat(registry.get("triage.rates.cases").tag("department", "housing").tag("counted", "resolved")
                .gauge().value()).isEqualTo(2);
    }

    @Test
    void shouldDropADepartmentThatNoLongerHasFigures() {
        gauges.publish(Map.of("housing", CaseFigures.NONE, "retired-department", CaseFigures.NONE));
        gauges.publish(Map.of("housing", CaseFigures.NONE));

        assertThat(registry.find("triage.cases.open").tag("department", "retired-department").gauge()).isNull();
    }
}
