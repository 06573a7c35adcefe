package org.enquirytriage.messaging.outbox;

import java.time.Instant;

/**
 * An event waiting in an aggregate's outbox to be sent.
 *
 * @param type the CloudEvents type
 * @param key the record key and CloudEvents subject: the aggregate's id
 * @param payload the event as JSON
 */
public record OutboxMessage(String eventId, String type, String topic, String key, String payload,
        Instant occurredAt) {
}
