package org.enquirytriage.triage.sla;

import java.time.Duration;
import java.time.Instant;

import org.enquirytriage.calendar.BusinessCalendar;

import org.enquirytriage.events.Classification;
import org.springframework.stereotype.Component;

/**
 * The time limits of {@link SlaProperties} per kind and priority, counted on the {@link BusinessCalendar} (or in
 * clock time where a policy says so), with the warning at the configured share of each limit's time.
 */
@Component
class BusinessCalendarSlaPolicy implements SlaPolicy {

    private final SlaProperties properties;
    private final BusinessCalendar calendar;

    BusinessCalendarSlaPolicy(SlaProperties properties, BusinessCalendar calendar) {
        this.properties = properties;
        this.calendar = calendar;
    }

    @Override
    public CaseClocks deadlines(Classification classification, Instant routedAt) {
        SlaProperties.Policy policy = properties.policyFor(classification.kind(), classification.priority());
        return new CaseClocks(timer(policy.firstResponse(), routedAt), timer(policy.resolution(), routedAt));
    }

    @Override
    public SlaTimer resolutionFrom(Classification classification, Instant from) {
        return timer(properties.policyFor(classification.kind(), classification.priority()).resolution(), from);
    }

    @Override
    public SlaTimer extended(SlaTimer resolution, int workingDays, Instant now) {
        Instant due = calendar.addWorkingDays(resolution.dueAt(), workingDays);
        return resolution.retimed(SlaTimer.started(resolution.startedAt(),
                warnAt(resolution.startedAt(), due, resolution.workingTime()), due, resolution.workingTime()), now);
    }

    @Override
    public Instant transferWindowEnds(Instant routedAt) {
        return properties.transferWindow().addTo(routedAt, calendar);
    }

    @Override
    public Instant escalateAgainAt(Instant since) {
        return properties.escalateAgainAfter().addTo(since, calendar);
    }

    @Override
    public int maxExtensionDays() {
        return properties.maxExtensionDays();
    }

    private SlaTimer timer(TimeLimit limit, Instant start) {
        Instant due = limit.addTo(start, calendar);
        return SlaTimer.started(start, warnAt(start, due, limit.working()), due, limit.working());
    }

    private Instant warnAt(Instant start, Instant due, boolean workingTime) {
        double share = properties.warningShare();
        if (workingTime) {
            return calendar.addWorkingTime(start, share(calendar.workingTimeBetween(start, due), share));
        }
        return start.plus(share(Duration.between(start, due), share));
    }

    private static Duration share(Duration duration, double share) {
        return Duration.ofMillis(Math.round(duration.toMillis() * share));
    }
}
