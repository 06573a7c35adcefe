package org.enquirytriage.messaging.outbox;

import java.time.Duration;

/**
 * What waits in an outbox.
 *
 * @param events the pending events
 * @param oldestAge how long the oldest has waited, {@link Duration#ZERO} when none waits
 */
public record OutboxBacklog(long events, Duration oldestAge) {
}
