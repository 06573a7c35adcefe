package org.enquirytriage.publishing.surges;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Surge counts in memory, for the evaluation command and tests; the hits are kept for the window only. */
public final class InMemorySurgeCounts implements SurgeCounts {

    private final long keepSeconds;
    private final Map<String, Deque<Hit>> recent = new HashMap<>();
    private final Map<String, Map<Long, Integer>> hourly = new HashMap<>();

    /** @param keepSeconds how long hits are kept for {@link #since} (at least the window) */
    public InMemorySurgeCounts(long keepSeconds) {
        this.keepSeconds = keepSeconds;
    }

    @Override
    public synchronized void add(String key, Hit hit) {
        Deque<Hit> hits = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        hits.addLast(hit);
        while (!hits.isEmpty() && hits.peekFirst().at().isBefore(hit.at().minusSeconds(keepSeconds))) {
            hits.removeFirst();
        }
        hourly.computeIfAbsent(key, k -> new HashMap<>()).merge(hit.at().getEpochSecond() / 3600, 1, Integer::sum);
    }

    @Override
    public synchronized List<Hit> since(String key, Instant since) {
        return recent.getOrDefault(key, new ArrayDeque<>()).stream().filter(hit -> !hit.at().isBefore(since))
                .toList();
    }

    @Override
    public synchronized Map<Long, Integer> perHour(String key, long fromHour, long toHour) {
        Map<Long, Integer> hours = new HashMap<>();
        hourly.getOrDefault(key, Map.of()).forEach((hour, count) -> {
            if (hour >= fromHour && hour < toHour) {
                hours.put(hour, count);
            }
        });
        return hours;
    }

    @Override
    public synchronized void forgetBefore(Instant horizon) {
        long hour = horizon.getEpochSecond() / 3600;
        hourly.values().forEach(hours -> hours.keySet().removeIf(h -> h < hour));
        hourly.values().removeIf(Map::isEmpty);
        recent.values().removeIf(hits -> hits.isEmpty() || hits.peekLast().at().isBefore(horizon));
    }
}
