package org.enquirytriage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.EnquiryReceived;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.json.JsonMapper;

class CloudEventCodecTests {

    private final CloudEventCodec codec = new CloudEventCodec(JsonMapper.builder().findAndAddModules().build(),
            "/intake-service");

    private final EnquiryReceived received = new EnquiryReceived("event-1", Instant.parse("2026-11-25T10:00:00Z"),
            "enquiry-1", "portal", "ext-1", "路灯", "小区门口的路灯坏了", null, "citizen-1", null, List.of());

    @Test
    void shouldReadAnEventOfTheWantedKindBack() {
        ConsumerRecord<String, byte[]> record = consumed(codec.toRecord(codec.toOutbox(received)));

        assertThat(codec.decode(record, EnquiryReceived.class)).contains(received);
        assertThat(codec.decode(record, DomainEvent.class)).contains(received);
        assertThat(codec.decode(record)).contains(received);
    }

    @Test
    void shouldAnswerEmptyForAnotherKindOfEvent() {
        ConsumerRecord<String, byte[]> record = consumed(codec.toRecord(codec.toOutbox(received)));

        assertThat(codec.decode(record, CaseOpened.class)).isEmpty();
    }

    @Test
    void shouldReadNoDataOfAnEventOfAnotherKind() {
        ConsumerRecord<String, byte[]> record = withValue(codec.toRecord(codec.toOutbox(received)), "not json");

        assertThat(codec.decode(record, CaseOpened.class)).isEmpty();
        assertThatThrownBy(() -> codec.decode(record, EnquiryReceived.class))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("does not read as EnquiryReceived");
    }

    @Test
    void shouldRefuseARecordThatIsNoCloudEventWhateverKindIsWanted() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("enquiry-received", 0, 7L, "key",
                "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> codec.decode(record, CaseOpened.class))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("is not a CloudEvent");
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> produced) {
        return withValue(produced, null);
    }

    private static ConsumerRecord<String, byte[]> withValue(ProducerRecord<String, byte[]> produced, String value) {
        byte[] bytes = value == null ? produced.value() : value.getBytes(StandardCharsets.UTF_8);
        return new ConsumerRecord<>(produced.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, -1, bytes.length,
                produced.key(), bytes, produced.headers(), Optional.empty());
    }
}
