package org.enquirytriage.events;

import java.time.Instant;

/** A Q&amp;A item passed its three reviews and may be published. */
public record QaApproved(String eventId, Instant occurredAt, String qaId, String approvedBy) implements QaEvent {
}
