package org.enquirytriage.triage;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.messaging.CloudEventCodec;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The intake service as the triage service's flow tests need it: publishes enquiries and ratings as intake's
 * CloudEvents on the broker of the test context. Every test context of the triage service has one (see
 * {@link TestBeansContextCustomizerFactory}).
 */
public class IntakeStandIn {

    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaConnectionDetails connection;
    private final CloudEventCodec codec;

    IntakeStandIn(KafkaTemplate<String, byte[]> kafka, KafkaConnectionDetails connection, ObjectMapper objectMapper) {
        this.kafka = kafka;
        this.connection = connection;
        this.codec = new CloudEventCodec(objectMapper, "intake-service");
    }

    /** Publishes an event as intake does and waits until the broker has it. */
    public SendResult<String, byte[]> publish(DomainEvent event) throws Exception {
        return kafka.send(record(event)).get();
    }

    /** The record intake publishes for an event. */
    public ProducerRecord<String, byte[]> record(DomainEvent event) {
        return codec.toRecord(codec.toOutbox(event));
    }

    /** Sends a record as it is, such as one intake would never publish. */
    public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
        return kafka.send(record);
    }

    /** The broker's addresses, for readers of the topics. */
    public String brokers() {
        return String.join(",", connection.getBootstrapServers());
    }
}
