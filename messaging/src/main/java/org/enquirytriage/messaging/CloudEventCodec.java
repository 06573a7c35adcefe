package org.enquirytriage.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.EventType;
import org.enquirytriage.messaging.outbox.OutboxMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

/**
 * Writes events as Kafka records in the CloudEvents 1.0 binary mode ({@code ce_*} headers, the event as JSON in
 * the value) and reads them back.
 */
public class CloudEventCodec {

    private static final String JSON = "application/json";

    private final ObjectMapper objectMapper;
    private final String source;

    public CloudEventCodec(ObjectMapper objectMapper, String source) {
        this.objectMapper = objectMapper;
        this.source = source;
    }

    /** The pending form of an event, to be stored in the same write as the state that caused it. */
    public OutboxMessage toOutbox(DomainEvent event) {
        EventType type = EventType.of(event);
        try {
            return new OutboxMessage(event.eventId(), type.cloudEventType(), type.topic(), event.aggregateId(),
                    objectMapper.writeValueAsString(event), event.occurredAt());
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write " + type + " as JSON", e);
        }
    }

    public ProducerRecord<String, byte[]> toRecord(OutboxMessage message) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(message.eventId())
                .withSource(URI.create(source))
                .withType(message.type())
                .withTime(OffsetDateTime.ofInstant(message.occurredAt(), ZoneOffset.UTC))
                .withSubject(message.key())
                .withDataContentType(JSON)
                .withData(message.payload().getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.createWriter(message.topic(), message.key()).writeBinary(event);
    }

    /**
     * Reads the event a record carries. A type this version does not know is answered empty, so that consumers
     * skip events added by newer producers.
     *
     * @throws UndecodableEventException when the record is not a CloudEvent or its data does not fit its type
     */
    public Optional<DomainEvent> decode(ConsumerRecord<String, byte[]> record) {
        return decode(record, DomainEvent.class);
    }

    /**
     * Reads the event a record carries if it is of the wanted kind; any other type is answered empty without its
     * JSON being read, so that a consumer interested in one kind of event does not pay for reading all the others.
     *
     * @throws UndecodableEventException when the record is not a CloudEvent or, being of the wanted kind, its data
     *         does not fit its type
     */
    public <T extends DomainEvent> Optional<T> decode(ConsumerRecord<String, byte[]> record, Class<T> wanted) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        }
        catch (RuntimeException e) {
            throw new UndecodableEventException("Record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " is not a CloudEvent: " + e.getMessage(), e);
        }
        Optional<EventType> type = EventType.fromCloudEventType(event.getType());
        if (type.isEmpty() || !wanted.isAssignableFrom(type.get().eventClass())) {
            return Optional.empty();
        }
        if (event.getData() == null) {
            throw new UndecodableEventException("Event " + event.getId() + " of type " + event.getType()
                    + " has no data", null);
        }
        try {
            return Optional.of(wanted.cast(objectMapper.readValue(event.getData().toBytes(),
                    type.get().eventClass())));
        }
        catch (IOException e) {
            throw new UndecodableEventException("Event " + event.getId() + " of type " + event.getType()
                    + " does not read as " + type.get().eventClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
