package org.enquirytriage.triage.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.enquirytriage.events.CaseEvent;
import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The events a case raised on their way out: those raised since the case was loaded wait here unencoded, and move
 * into the stored outbox when the case is saved, so that state and events are written in one write; the relay takes
 * them out of the stored outbox once sent. Stored unwrapped in the case, as its {@code outbox} field.
 */
final class CaseOutbox {

    @Field("outbox")
    private final List<OutboxMessage> messages;
    @Transient
    private final List<CaseEvent> raised = new ArrayList<>();

    CaseOutbox() {
        this(List.of());
    }

    @PersistenceCreator
    CaseOutbox(List<OutboxMessage> messages) {
        this.messages = messages == null ? new ArrayList<>() : new ArrayList<>(messages);
    }

    /** A new id for an event to raise. */
    static String eventId() {
        return UUID.randomUUID().toString();
    }

    void raise(CaseEvent event) {
        raised.add(event);
    }

    /** Moves the events raised since the case was loaded into the stored outbox, encoded to be written with it. */
    void moveRaisedEventsTo(Function<CaseEvent, OutboxMessage> encoder) {
        raised.forEach(event -> messages.add(encoder.apply(event)));
        raised.clear();
    }

    /** The events raised since the case was loaded or last saved. */
    List<CaseEvent> raised() {
        return List.copyOf(raised);
    }

    /** The encoded events stored with the case and not yet sent, as the case was loaded or last saved. */
    List<OutboxMessage> messages() {
        return List.copyOf(messages);
    }
}
