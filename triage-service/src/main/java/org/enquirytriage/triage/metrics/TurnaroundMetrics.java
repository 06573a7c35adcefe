package org.enquirytriage.triage.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.events.SlaClock;
import org.enquirytriage.triage.routing.Department;
import org.enquirytriage.triage.routing.RoutingProperties;
import org.enquirytriage.triage.sla.SlaTimer;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records how cases are turned round: the time a clock ran until it stopped (first response: from routing to
 * acceptance; resolution: from routing, or reopening, to resolution) in clock time and in working time on the
 * business calendar, whether it stopped within its limit, the breaches the SLA watcher raised, the classifier's
 * confidence in each opened case and the citizens' ratings. Every tag has a bounded set of values: department,
 * kind, clock, outcome, rating.
 */
@Component
class TurnaroundMetrics {

    /** No turnaround is expected to be shorter; shorter ones fall into the first bucket. */
    private static final Duration SHORTEST = Duration.ofMinutes(1);
    /** The longest limit with an extension is some 23 working days: about five weeks of clock time. */
    private static final Duration LONGEST = Duration.ofDays(45);
    /** In whole percent: Micrometer's histograms round a value up to a whole number, so 0.42 is recorded as 42. */
    private static final double[] CONFIDENCE_BUCKETS = IntStream.rangeClosed(1, 10).mapToDouble(i -> i * 10.0)
            .toArray();

    private final MeterRegistry registry;
    private final BusinessCalendar calendar;
    private final Duration[] limits;

    TurnaroundMetrics(MeterRegistry registry, BusinessCalendar calendar, Optional<RoutingProperties> routing) {
        this.registry = registry;
        this.calendar = calendar;
        Duration day = calendar.workingDay();
        // the default limits, so that "within 1 working day" and "within 30 minutes" are exact buckets
        this.limits = new Duration[] { Duration.ofMinutes(30), day, day.multipliedBy(2), Duration.ofHours(24),
                day.multipliedBy(3), day.multipliedBy(5), day.multipliedBy(13) };
        List<String> departments = routing.map(RoutingProperties::departments).orElse(List.of()).stream()
                .map(Department::code).toList();
        // every series a dashboard or an alert divides by starts at zero: no gap before the first case
        for (String department : departments) {
            for (SlaClock clock : SlaClock.values()) {
                breaches(clock, department);
                for (EnquiryKind kind : EnquiryKind.values()) {
                    outcomes(clock, department, kind, true);
                    outcomes(clock, department, kind, false);
                }
            }
        }
    }

    /**
     * A clock of a case stopped: records its time in clock and in working time, and whether it was within its
     * limit.
     */
    void clockStopped(SlaClock clock, String department, EnquiryKind kind, SlaTimer timer) {
        if (timer.stoppedAt() == null) {
            return;
        }
        String name = clock == SlaClock.FIRST_RESPONSE ? "triage.first.response" : "triage.resolution";
        String what = clock == SlaClock.FIRST_RESPONSE ? "from routing to acceptance"
                : "from routing (or reopening) to resolution";
        timer(name, "Time " + what + ", clock time", department, kind)
                .record(Duration.between(timer.startedAt(), timer.stoppedAt()));
        timer(name + ".working", "Time " + what + ", working time on the business calendar", department, kind)
                .record(calendar.workingTimeBetween(timer.startedAt(), timer.stoppedAt()));
        outcomes(clock, department, kind, Boolean.TRUE.equals(timer.onTime())).increment();
    }

    /** The SLA watcher found a clock of a case run out. */
    void breached(SlaClock clock, String department) {
        breaches(clock, department).increment();
    }

    /** A case was opened with a classification. */
    void classified(Classification classification) {
        DistributionSummary.builder("triage.classification.confidence")
                .description("The classifier's confidence in the kind and topic of each opened case, in percent")
                .baseUnit("percent").tag("kind", classification.kind().name())
                .serviceLevelObjectives(CONFIDENCE_BUCKETS).register(registry)
                .record(Math.round(classification.confidence() * 100));
    }

    /** A citizen rated the answer to a case. */
    void rated(String department, Satisfaction rating) {
        Counter.builder("triage.satisfaction.ratings").description("The citizens' ratings of the answers they got")
                .tag("department", department).tag("rating", rating.name()).register(registry).increment();
    }

    private Timer timer(String name, String description, String department, EnquiryKind kind) {
        return Timer.builder(name).description(description).tag("department", department)
                .tag("kind", kind.name()).publishPercentileHistogram().serviceLevelObjectives(limits)
                .minimumExpectedValue(SHORTEST).maximumExpectedValue(LONGEST).register(registry);
    }

    private Counter outcomes(SlaClock clock, String department, EnquiryKind kind, boolean withinLimit) {
        return Counter.builder("triage.sla.outcomes")
                .description("Clocks that stopped, by whether they stopped within their limit or after it")
                .tag("clock", clock.name()).tag("department", department).tag("kind", kind.name())
                .tag("outcome", withinLimit ? "within_limit" : "breached").register(registry);
    }

    private Counter breaches(SlaClock clock, String department) {
        return Counter.builder("triage.sla.breaches")
                .description("Clocks of cases that ran out before the department acted, as the SLA watcher found them")
                .tag("clock", clock.name()).tag("department", department).register(registry);
    }
}
