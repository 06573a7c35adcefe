package org.enquirytriage.intake.outbox;

import java.util.Collection;
import java.util.List;

import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Asks the outbox relay to send a document's new events at once, unless the {@code kafka} circuit breaker is open:
 * then the events simply wait in the outbox, where the relay's sweep finds them once the broker is back, so a down
 * broker is not hammered with one more send per request. The breaker learns from the outcome of every send
 * ({@link SendOutcomes}).
 */
@Component
public class EventRelay {

    /** The name of the circuit breaker instance, configured under {@code resilience4j.circuitbreaker.instances}. */
    public static final String BREAKER = "kafka";

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

    private final OutboxRelay relay;
    private final CircuitBreaker breaker;

    EventRelay(OutboxRelay relay, CircuitBreakerRegistry breakers) {
        this.relay = relay;
        this.breaker = breakers.circuitBreaker(BREAKER);
    }

    /** Has the document's pending events sent now, or left for the sweep while the broker is failing. */
    public void relay(String collection, String documentId) {
        relay(collection, List.of(documentId));
    }

    /**
     * Has the pending events of documents stored together sent now in one producer batch, or left for the sweep
     * while the broker is failing.
     */
    public void relay(String collection, Collection<String> documentIds) {
        if (documentIds.isEmpty()) {
            return;
        }
        if (breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN) {
            log.debug("Kafka circuit breaker is open: the events of {} document(s) wait in the outbox for the sweep",
                    documentIds.size());
            return;
        }
        relay.relay(collection, documentIds);
    }
}
