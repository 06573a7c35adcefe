package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.events.CaseClosed;
import org.enquirytriage.events.CaseEvent;
import org.enquirytriage.events.CaseResolved;
import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

/** How the events a case raised wait to be written with it, without a case or a database around them. */
class CaseOutboxTests {

    private static final Instant NOW = Instant.parse("2026-03-09T02:00:00Z");

    @Test
    void shouldKeepRaisedEventsUnencodedUntilTheyAreMovedIntoTheStoredOutboxInOrder() {
        CaseOutbox outbox = new CaseOutbox();
        CaseEvent resolved = new CaseResolved("event-1", NOW, "case-1", "housing", "wang");
        CaseEvent closed = new CaseClosed("event-2", NOW, "case-1", "housing", "满意");
        outbox.raise(resolved);
        outbox.raise(closed);

        assertThat(outbox.raised()).containsExactly(resolved, closed);
        assertThat(outbox.messages()).isEmpty();

        outbox.moveRaisedEventsTo(CaseOutboxTests::encoded);

        assertThat(outbox.raised()).isEmpty();
        assertThat(outbox.messages()).extracting(OutboxMessage::eventId).containsExactly("event-1", "event-2");
    }

    @Test
    void shouldAddToTheMessagesTheCaseWasLoadedWith() {
        CaseOutbox loaded = new CaseOutbox(List.of(encoded(new CaseResolved("event-1", NOW, "case-1", "housing",
                "wang"))));
        loaded.raise(new CaseClosed("event-2", NOW, "case-1", "housing", "满意"));

        loaded.moveRaisedEventsTo(CaseOutboxTests::encoded);
        loaded.moveRaisedEventsTo(CaseOutboxTests::encoded);

        assertThat(loaded.messages()).extracting(OutboxMessage::eventId).containsExactly("event-1", "event-2");
    }

    @Test
    void shouldReadAStoredCaseWithoutAnOutboxAsNothingPending() {
        assertThat(new CaseOutbox(null).messages()).isEmpty();
    }

    @Test
    void shouldGiveEveryEventAnIdOfItsOwn() {
        assertThat(CaseOutbox.eventId()).isNotEqualTo(CaseOutbox.eventId());
    }

    private static OutboxMessage encoded(CaseEvent event) {
        return new OutboxMessage(event.eventId(), event.getClass().getSimpleName(), "case-events", event.caseId(), "{}",
                event.occurredAt());
    }
}
