package org.enquirytriage.triage.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the latest events measured, so that an event delivered twice (the outbox sends at least once; a
 * rebalance replays what was not committed) is measured once. Only the most recent ones are kept: a duplicate
 * arrives close behind its original.
 */
final class RecentEventIds {

    private final Map<String, Boolean> ids;

    RecentEventIds(int capacity) {
        this.ids = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the event is seen here for the first time (and remembers it). */
    synchronized boolean firstTime(String eventId) {
        return ids.put(eventId, Boolean.TRUE) == null;
    }
}
