package org.enquirytriage.publishing.surges;

import java.time.Instant;
import java.util.List;

/**
 * What the detector remembers of the stream: each key's recent messages (for the window) and its counts per hour
 * (for the baseline). Kept in memory by {@link InMemorySurgeCounts}.
 */
public interface SurgeCounts {

    /** Records a message under a key. */
    void add(String key, Hit hit);

    /** The key's messages from {@code since} on, oldest first. */
    List<Hit> since(String key, Instant since);

    /** The key's messages per epoch hour (seconds / 3600) in [fromHour, toHour); hours without any are left out. */
    java.util.Map<Long, Integer> perHour(String key, long fromHour, long toHour);

    /** Forgets what is older than the given time (the baseline's horizon). */
    void forgetBefore(Instant horizon);

    /** One message under a key. */
    record Hit(String messageId, Instant at, String department) {
    }
}
