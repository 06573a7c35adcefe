package org.enquirytriage.publishing.surges;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Watches the stream of enquiries, one message at a time, in the order they came: under each of its subjects (its
 * group, its places, its topic, its department) the messages of the last window are counted and compared with the
 * subject's own baseline (the same hours, ± 1, of the last days, with a floor for a new subject). Passing a level's
 * thresholds (so many messages, so many times the expected) raises a surge at once, on the message that passed it.
 * A surge seen under two subjects (a group and its place) whose messages largely overlap is one surge; it is raised
 * again only when it reaches a higher level, and ends when a window passes without it.
 */
public final class SurgeDetector {

    private final SurgeSettings settings;
    private final SurgeCounts counts;
    private final List<Open> open = new ArrayList<>();
    private long forgottenUpToDay = Long.MIN_VALUE;

    public SurgeDetector(SurgeSettings settings, SurgeCounts counts) {
        this.settings = settings;
        this.counts = counts;
    }

    /** What a message is about: {@code scope} is GROUP, PLACE, TOPIC or DEPARTMENT. */
    public record Subject(String scope, String key, String label) {

        String id() {
            return scope + ":" + key;
        }
    }

    /** A message as the detector sees it. */
    public record Observation(String messageId, Instant at, String department, List<Subject> subjects) {
    }

    /**
     * A surge as detected (or raised to a higher level).
     *
     * @param raised whether an earlier detection of the same surge had a lower level
     */
    public record Surge(String surgeId, SurgeSettings.Level level, Subject subject, int messages, double expected,
            Instant firstAt, Instant detectedAt, List<String> messageIds, List<String> departments,
            boolean raised) {
    }

    private static final class Open {
        final String surgeId;
        int rank;
        Instant lastAt;
        final Set<String> ids = new LinkedHashSet<>();

        Open(String surgeId) {
            this.surgeId = surgeId;
        }
    }

    /** Takes one message; answers the surges it started or raised. */
    public synchronized List<Surge> observe(Observation message) {
        forget(message.at());
        List<Surge> surges = new ArrayList<>();
        Instant since = message.at().minus(settings.window());
        for (Subject subject : message.subjects()) {
            counts.add(subject.id(), new SurgeCounts.Hit(message.messageId(), message.at(), message.department()));
            List<SurgeCounts.Hit> hits = counts.since(subject.id(), since);
            double expected = Math.max(settings.floorPerHour(), baselinePerHour(subject.id(), message.at()))
                    * settings.window().toSeconds() / 3600.0;
            SurgeSettings.Level level = null;
            for (SurgeSettings.Level candidate : settings.levels()) {
                if (hits.size() >= candidate.minMessages() && hits.size() >= candidate.minRatio() * expected) {
                    level = candidate;
                }
            }
            if (level != null) {
                surge(subject, level, hits, expected, message.at()).ifPresent(surges::add);
            }
        }
        return surges;
    }

    private java.util.Optional<Surge> surge(Subject subject, SurgeSettings.Level level, List<SurgeCounts.Hit> hits,
            double expected, Instant now) {
        List<String> ids = hits.stream().map(SurgeCounts.Hit::messageId).toList();
        Open same = null;
        for (Open candidate : open) {
            long common = ids.stream().filter(candidate.ids::contains).count();
            if (common >= settings.overlap() * Math.min(ids.size(), candidate.ids.size())) {
                same = candidate;
                break;
            }
        }
        boolean raised = same != null;
        if (same == null) {
            same = new Open(UUID.nameUUIDFromBytes((subject.id() + "/" + ids.get(0)).getBytes(StandardCharsets.UTF_8))
                    .toString());
            same.rank = 0;
            open.add(same);
        }
        same.ids.addAll(ids);
        same.lastAt = now;
        if (level.rank() <= same.rank) {
            return java.util.Optional.empty();
        }
        same.rank = level.rank();
        List<String> departments = hits.stream().map(SurgeCounts.Hit::department)
                .filter(department -> department != null && !department.isBlank()).distinct().sorted().toList();
        return java.util.Optional.of(new Surge(same.surgeId, level, subject, hits.size(), expected,
                hits.get(0).at(), now, ids, departments, raised));
    }

    /** Messages an hour on average in the same hour (± 1) of the baseline days before. */
    private double baselinePerHour(String key, Instant at) {
        long hour = at.getEpochSecond() / 3600;
        java.util.Map<Long, Integer> hours = counts.perHour(key, hour - 24L * settings.baselineDays() - 1,
                hour - 22);
        int total = 0;
        for (int day = 1; day <= settings.baselineDays(); day++) {
            long sameHour = hour - 24L * day;
            total += hours.getOrDefault(sameHour - 1, 0) + hours.getOrDefault(sameHour, 0)
                    + hours.getOrDefault(sameHour + 1, 0);
        }
        return total / (3.0 * settings.baselineDays());
    }

    private void forget(Instant now) {
        for (Iterator<Open> surges = open.iterator(); surges.hasNext();) {
            if (surges.next().lastAt.isBefore(now.minus(settings.window()))) {
                surges.remove();
            }
        }
        long day = now.getEpochSecond() / 86_400;
        if (day > forgottenUpToDay) {
            counts.forgetBefore(now.minus(Duration.ofDays(settings.baselineDays() + 1L)));
            forgottenUpToDay = day;
        }
    }
}
