package org.enquirytriage.events;

import java.time.Instant;

/** A published Q&amp;A item was withdrawn and leaves the knowledge base. */
public record QaRetired(String eventId, Instant occurredAt, String qaId, String reason) implements QaEvent {
}
