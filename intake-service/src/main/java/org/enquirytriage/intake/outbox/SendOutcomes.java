package org.enquirytriage.intake.outbox;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * Tells the {@code kafka} circuit breaker how each record sent went: the producer listener of the service's
 * {@code KafkaTemplate} (it replaces Spring Boot's logging one), so the outbox relay's sends, the sweep's included,
 * open the breaker when the broker fails and close it again when sends succeed.
 */
@Component
class SendOutcomes implements ProducerListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(SendOutcomes.class);

    private final CircuitBreaker breaker;

    SendOutcomes(CircuitBreakerRegistry breakers) {
        this.breaker = breakers.circuitBreaker(EventRelay.BREAKER);
    }

    @Override
    public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
        breaker.onSuccess(0, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
        breaker.onError(0, TimeUnit.MILLISECONDS, exception);
        log.warn("Sending a record with key {} to {} failed: {}", record.key(), record.topic(), exception.toString());
    }
}
