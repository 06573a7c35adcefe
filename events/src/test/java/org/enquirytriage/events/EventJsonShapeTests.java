package org.enquirytriage.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Pins the JSON shape of every event to a file under {@code src/test/resources/events/}. A change that breaks a
 * consumer (a renamed or removed field, a changed type) fails here; adding a field means updating the file.
 */
class EventJsonShapeTests {

    /** Configured as Spring Boot configures the services' mapper. */
    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldWriteTheEventInItsPinnedShape(EventType type) throws Exception {
        String json = mapper.writeValueAsString(sample(type));

        JSONAssert.assertEquals(pinned(type), json, JSONCompareMode.STRICT);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldReadThePinnedShapeBackToTheSameEvent(EventType type) throws Exception {
        DomainEvent read = mapper.readValue(pinned(type), type.eventClass());

        assertThat(read).isEqualTo(sample(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldIgnoreFieldsAddedByANewerProducer(EventType type) throws Exception {
        String newer = pinned(type).replaceFirst("\\{", "{\"addedInAFutureVersion\":{\"x\":1},");

        assertThat(mapper.readValue(newer, type.eventClass())).isEqualTo(sample(type));
    }

    @Test
    void shouldNotWriteTheAggregateIdAsAField() throws Exception {
        String json = mapper.writeValueAsString(sample(EventType.CASE_OPENED));

        assertThat(json).doesNotContain("aggregateId");
    }

    @Test
    void shouldKeyCaseEventsByCaseAndQaEventsByItem() {
        assertThat(sample(EventType.CASE_ANSWERED).aggregateId()).isEqualTo(((CaseEvent) sample(EventType.CASE_ANSWERED)).caseId());
        assertThat(sample(EventType.QA_PUBLISHED).aggregateId()).isEqualTo("qa-1");
        assertThat(sample(EventType.ENQUIRY_RECEIVED).aggregateId())
                .isEqualTo(((EnquiryReceived) sample(EventType.ENQUIRY_RECEIVED)).enquiryId());
    }

    @Test
    void shouldFindEveryTypeByItsCloudEventType() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromCloudEventType(type.cloudEventType())).contains(type);
        }
        assertThat(EventType.fromCloudEventType("case.unknown.v1")).isEmpty();
    }

    private static DomainEvent sample(EventType type) {
        assertThat(SampleEvents.ALL).as("a sample of %s", type).containsKey(type);
        return SampleEvents.ALL.get(type);
    }

    private static String pinned(EventType type) throws IOException {
        String path = "/events/" + type.cloudEventType() + ".json";
        try (InputStream in = EventJsonShapeTests.class.getResourceAsStream(path)) {
            assertThat(in).as("pinned shape %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
