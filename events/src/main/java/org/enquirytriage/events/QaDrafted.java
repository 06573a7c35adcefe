package org.enquirytriage.events;

import java.time.Instant;
import java.util.List;

/** A frequent question became a draft Q&amp;A item for the editors. */
public record QaDrafted(String eventId, Instant occurredAt, String qaId, String question, String answer,
        String topic, List<String> sourceCaseIds) implements QaEvent {
}
