package org.enquirytriage.triage.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.events.SlaClock;
import org.enquirytriage.triage.routing.Department;
import org.enquirytriage.triage.routing.RoutingProperties;
import org.enquirytriage.triage.sla.SlaFixtures;
import org.enquirytriage.triage.sla.SlaTimer;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class TurnaroundMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TurnaroundMetrics metrics = new TurnaroundMetrics(registry, SlaFixtures.calendar(),
            Optional.of(new RoutingProperties(0.5, 200, Duration.ofSeconds(10), List.of(
                    new Department("housing", "住房和城乡建设局", "Housing"),
                    new Department("transport", "交通运输局", "Transport")), List.of())));

    @Test
    void shouldMeasureAFirstResponseInClockAndInWorkingTime() {
        // routed on Friday at 16:30, accepted on Monday at 10:00: 65.5 hours, of which 2 are working hours
        Instant routed = shanghai("2026-03-06T16:30");
        Instant accepted = shanghai("2026-03-09T10:00");
        SlaTimer timer = new SlaTimer(routed, routed, shanghai("2026-03-09T16:30"), true, accepted, true, false,
                false, 0, null);

        metrics.clockStopped(SlaClock.FIRST_RESPONSE, "housing", EnquiryKind.POLICY_QUESTION, timer);

        Timer clockTime = registry.get("triage.first.response").tag("department", "housing")
                .tag("kind", "POLICY_QUESTION").timer();
        Timer workingTime = registry.get("triage.first.response.working").tag("department", "housing").timer();
        assertThat(clockTime.totalTime(TimeUnit.MINUTES)).isEqualTo(65.5 * 60);
        assertThat(workingTime.totalTime(TimeUnit.MINUTES)).isEqualTo(120);
        assertThat(registry.get("triage.sla.outcomes").tag("clock", "FIRST_RESPONSE").tag("department", "housing")
                .tag("kind", "POLICY_QUESTION").tag("outcome", "within_limit").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldCountALateResolutionAsBreachedWithTheLimitsAsHistogramBuckets() {
        Instant routed = shanghai("2026-03-02T09:00");
        SlaTimer late = new SlaTimer(routed, routed, shanghai("2026-03-04T17:30"), true,
                shanghai("2026-03-05T12:00"), false, true, true, 1, null);

        metrics.clockStopped(SlaClock.RESOLUTION, "transport", EnquiryKind.HELP_REQUEST, late);

        assertThat(registry.get("triage.sla.outcomes").tag("clock", "RESOLUTION").tag("department", "transport")
                .tag("kind", "HELP_REQUEST").tag("outcome", "breached").counter().count()).isEqualTo(1);
        Timer working = registry.get("triage.resolution.working").timer();
        assertThat(working.takeSnapshot().histogramCounts()).extracting(CountAtBucket::bucket)
                .contains((double) Duration.ofMinutes(30).toNanos(), (double) Duration.ofHours(17).toNanos(),
                        (double) Duration.ofMinutes(13 * 510).toNanos());
    }

    @Test
    void shouldNotMeasureAClockThatStillRuns() {
        Instant routed = shanghai("2026-03-02T09:00");
        metrics.clockStopped(SlaClock.RESOLUTION, "transport", EnquiryKind.HELP_REQUEST,
                new SlaTimer(routed, routed, routed.plusSeconds(3600), false, null, null, false, false, 0, null));

        assertThat(registry.find("triage.resolution").timer()).isNull();
    }

    @Test
    void shouldCountBreachesAndOutcomesStartingAtZeroForEveryDepartment() {
        assertThat(registry.get("triage.sla.breaches").tag("department", "transport").tag("clock", "RESOLUTION")
                .counter().count()).isZero();
        assertThat(registry.get("triage.sla.outcomes").tag("department", "transport").counters()).hasSize(12)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());

        metrics.breached(SlaClock.FIRST_RESPONSE, "housing");

        assertThat(registry.get("triage.sla.breaches").tag("department", "housing").tag("clock", "FIRST_RESPONSE")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void shouldRecordTheClassifiersConfidenceInPercentInBucketsOfTen() {
        metrics.classified(new Classification(EnquiryKind.PROBLEM_REPORT, "环境保护", Priority.NORMAL, 0.42, "m1",
                List.of()));
        metrics.classified(new Classification(EnquiryKind.PROBLEM_REPORT, "环境保护", Priority.NORMAL, 0.7, "m1",
                List.of()));

        var summary = registry.get("triage.classification.confidence").tag("kind", "PROBLEM_REPORT").summary();
        assertThat(summary.totalAmount()).isEqualTo(112);
        assertThat(summary.takeSnapshot().histogramCounts()).filteredOn(bucket -> bucket.bucket() == 50)
                .singleElement().extracting(CountAtBucket::count).isEqualTo(1.0);
        assertThat(summary.takeSnapshot().histogramCounts()).filteredOn(bucket -> bucket.bucket() == 70)
                .singleElement().extracting(CountAtBucket::count).isEqualTo(2.0);
    }

    @Test
    void shouldCountRatingsByDepartmentAndRating() {
        metrics.rated("housing", Satisfaction.BASICALLY_SATISFIED);

        assertThat(registry.get("triage.satisfaction.ratings").tag("department", "housing")
                .tag("rating", "BASICALLY_SATISFIED").counter().count()).isEqualTo(1);
    }
}
