package org.enquirytriage.triage.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.calendar.BusinessCalendars;
import org.enquirytriage.calendar.CalendarSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The time limits of cases and the business calendar they are counted on ({@code triage.sla.*}).
 *
 * @param calendar the working hours and the yearly calendar files
 * @param policies the limits per kind and priority, tried in order: the first whose kind and priorities match a
 *     case decides; when none are configured, the defaults of the design ({@link #DEFAULT_POLICIES})
 * @param transferWindow how long after routing a department may send a misrouted case back (退单)
 * @param maxExtensionDays the most working days one extension (延期) may add
 * @param warningShare the share of a limit's time that has elapsed when the watcher warns, such as 0.75
 * @param escalateAgainAfter how long a breach may persist after its deadline before the case is escalated a
 *     second time (level 2)
 * @param watcher how often the SLA watcher looks at the cases
 */
@ConfigurationProperties("triage.sla")
public record SlaProperties(@DefaultValue Calendar calendar, List<Policy> policies,
        @DefaultValue("2wd") TimeLimit transferWindow, @DefaultValue("10") int maxExtensionDays,
        @DefaultValue("0.75") double warningShare, @DefaultValue("1wd") TimeLimit escalateAgainAfter,
        @DefaultValue Watcher watcher) {

    /** The time limits of the design: working days for normal and high priority, clock time for urgent cases. */
    public static final List<Policy> DEFAULT_POLICIES = List.of(
            new Policy(null, Set.of(Priority.URGENT), TimeLimit.clockTime(Duration.ofMinutes(30)),
                    TimeLimit.clockTime(Duration.ofHours(24))),
            new Policy(EnquiryKind.POLICY_QUESTION, Set.of(), TimeLimit.workingDays(1), TimeLimit.workingDays(3)),
            new Policy(EnquiryKind.HELP_REQUEST, Set.of(), TimeLimit.workingDays(1), TimeLimit.workingDays(5)),
            new Policy(EnquiryKind.PROBLEM_REPORT, Set.of(), TimeLimit.workingDays(2), TimeLimit.workingDays(13)));

    public SlaProperties {
        policies = policies == null || policies.isEmpty() ? DEFAULT_POLICIES : List.copyOf(policies);
        if (warningShare <= 0 || warningShare >= 1) {
            throw new IllegalArgumentException("triage.sla.warning-share must lie between 0 and 1 (was "
                    + warningShare + ")");
        }
        if (maxExtensionDays < 1) {
            throw new IllegalArgumentException("triage.sla.max-extension-days must be at least 1 (was "
                    + maxExtensionDays + ")");
        }
        for (EnquiryKind kind : EnquiryKind.values()) {
            for (Priority priority : Priority.values()) {
                if (policies.stream().noneMatch(policy -> policy.matches(kind, priority))) {
                    throw new IllegalArgumentException("triage.sla.policies give no time limits for " + kind + " "
                            + priority);
                }
            }
        }
    }

    /** The policy that decides the time limits of a case of a kind and a priority. */
    public Policy policyFor(EnquiryKind kind, Priority priority) {
        return policies.stream().filter(policy -> policy.matches(kind, priority)).findFirst().orElseThrow();
    }

    /**
     * The time limits of the cases of one kind (or of every kind) and some priorities (or all).
     *
     * @param kind the kind the policy is for, {@code null} for every kind
     * @param priorities the priorities the policy is for, empty for all
     */
    public record Policy(EnquiryKind kind, Set<Priority> priorities, TimeLimit firstResponse,
            TimeLimit resolution) {

        public Policy {
            priorities = priorities == null || priorities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(priorities));
            if (firstResponse == null || resolution == null) {
                throw new IllegalArgumentException("A policy of triage.sla.policies needs first-response and "
                        + "resolution");
            }
        }

        boolean matches(EnquiryKind kind, Priority priority) {
            return (this.kind == null || this.kind == kind) && (priorities.isEmpty() || priorities.contains(priority));
        }
    }

    /**
     * The business calendar.
     *
     * @param zone the time zone of the working hours
     * @param workStarts when the working day starts, such as {@code 09:00}
     * @param workEnds when the working day ends, such as {@code 17:30}
     * @param files where an agency's own yearly calendar files are, beside the years the calendar module ships:
     *     resource patterns such as {@code file:/etc/triage/calendar/*.yml}; see {@link BusinessCalendars}
     * @param requireCurrentYear whether the service refuses to start when the current year has no calendar file
     *     (otherwise such a year counts Mondays to Fridays as working days, and a warning says so)
     */
    public record Calendar(@DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue("09:00") String workStarts,
            @DefaultValue("17:30") String workEnds, List<String> files,
            @DefaultValue("true") boolean requireCurrentYear) {

        public LocalTime workStartTime() {
            return LocalTime.parse(workStarts);
        }

        public LocalTime workEndTime() {
            return LocalTime.parse(workEnds);
        }

        /** What the calendar module loads the calendar from. */
        public CalendarSettings settings() {
            return new CalendarSettings(zone, workStartTime(), workEndTime(), files);
        }
    }

    /**
     * The SLA watcher.
     *
     * @param interval the pause between two rounds
     * @param initialDelay the pause before the first round after start-up
     * @param lockAtMostFor how long a round may hold the cluster-wide lock if its instance dies
     * @param batchSize the most cases a round handles per clock and kind of alert; the next round goes on
     */
    public record Watcher(@DefaultValue("PT1M") Duration interval, @DefaultValue("PT30S") Duration initialDelay,
            @DefaultValue("PT5M") Duration lockAtMostFor, @DefaultValue("500") int batchSize) {
    }
}
