package org.enquirytriage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.enquirytriage.events.CaseAccepted;
import org.enquirytriage.events.CaseResolved;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

@SpringBootTest(properties = { "spring.application.name=test-service", "messaging.outbox.collections=things",
        "messaging.outbox.sweep-interval=200ms", "messaging.outbox.full-sweep-interval=500ms",
        "messaging.outbox.sweep-age=1s" })
@EmbeddedInfrastructure
class OutboxRelayTests {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void shouldSendTheEventsOfASavedDocumentInOrderAsCloudEventsAndEmptyItsOutbox() {
        String caseId = UUID.randomUUID().toString();
        Instant now = Instant.now();
        DomainEvent accepted = new CaseAccepted(UUID.randomUUID().toString(), now, caseId, "housing", "staff-1");
        DomainEvent resolved = new CaseResolved(UUID.randomUUID().toString(), now, caseId, "housing", "staff-1");
        save(caseId, accepted, resolved);

        relay.relay("things", caseId);

        try (TopicReader reader = new TopicReader(brokers, Topics.CASE_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(forKey(reader, caseId)).hasSize(2));
            List<ConsumerRecord<String, byte[]>> records = forKey(reader, caseId);
            ConsumerRecord<String, byte[]> first = records.get(0);
            assertThat(TopicReader.header(first, "ce_id")).isEqualTo(accepted.eventId());
            assertThat(TopicReader.header(first, "ce_type")).isEqualTo("case.accepted.v1");
            assertThat(TopicReader.header(first, "ce_source")).isEqualTo("test-service");
            assertThat(TopicReader.header(first, "ce_subject")).isEqualTo(caseId);
            assertThat(TopicReader.header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(first, "ce_time")).isNotBlank();
            assertThat(codec.decode(first)).contains(accepted);
            assertThat(codec.decode(records.get(1))).contains(resolved);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox(caseId).isEmpty());
    }

    @Test
    void shouldSendTheEventsOfManyDocumentsRelayedTogetherAndEmptyEveryOutbox() {
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String caseId = UUID.randomUUID().toString();
            Instant now = Instant.now();
            save(caseId, new CaseAccepted(UUID.randomUUID().toString(), now, caseId, "housing", "staff-1"),
                    new CaseResolved(UUID.randomUUID().toString(), now, caseId, "housing", "staff-1"));
            caseIds.add(caseId);
        }
        String empty = UUID.randomUUID().toString();
        save(empty);
        caseIds.add(empty);

        relay.relay("things", caseIds);

        try (TopicReader reader = new TopicReader(brokers, Topics.CASE_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(reader.records().stream()
                    .filter(r -> caseIds.contains(r.key())).toList()).hasSize(100));
            for (String caseId : caseIds.subList(0, 50)) {
                assertThat(forKey(reader, caseId)).extracting(r -> TopicReader.header(r, "ce_type"))
                        .containsExactly("case.accepted.v1", "case.resolved.v1");
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> caseIds.stream().allMatch(id -> outbox(id).isEmpty()));
    }

    @Test
    void shouldSweepUpEventsThatWereNeverRelayed() {
        String caseId = UUID.randomUUID().toString();
        DomainEvent left = new CaseResolved(UUID.randomUUID().toString(), Instant.now().minusSeconds(30), caseId,
                "housing", "staff-1");
        save(caseId, left);

        try (TopicReader reader = new TopicReader(brokers, Topics.CASE_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(forKey(reader, caseId)).hasSize(1));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox(caseId).isEmpty());
    }

    @Test
    void shouldKeepEventsAddedWhileOthersWereOnTheirWay() {
        String caseId = UUID.randomUUID().toString();
        DomainEvent first = new CaseAccepted(UUID.randomUUID().toString(), Instant.now(), caseId, "housing", "s");
        save(caseId, first);
        DomainEvent second = new CaseResolved(UUID.randomUUID().toString(), Instant.now(), caseId, "housing", "s");
        mongo.updateFirst(new Query(Criteria.where("_id").is(caseId)),
                new Update().push("outbox", codec.toOutbox(second)), "things");

        relay.relay("things", caseId);

        try (TopicReader reader = new TopicReader(brokers, Topics.CASE_EVENTS)) {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(forKey(reader, caseId)).hasSize(2));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox(caseId).isEmpty());
    }

    @Test
    void shouldReportTheBacklogOfACollection() {
        assertThat(relay.backlog("things").events()).isGreaterThanOrEqualTo(0);
        String caseId = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", caseId).append("outbox", List.of()), "things");

        assertThat(relay.collections()).containsExactly("things");
    }

    @Test
    void shouldSkipAnEventTypeItDoesNotKnowAndRefuseARecordThatIsNoCloudEvent() {
        var unknown = codec.toRecord(new OutboxMessage("e-x", "case.invented-later.v7", Topics.CASE_EVENTS, "k",
                "{}", Instant.now()));
        assertThat(codec.decode(asConsumed(unknown))).isEmpty();

        var garbage = new ProducerRecord<String, byte[]>(Topics.CASE_EVENTS, "k", new byte[] { 1, 2, 3 });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> codec.decode(asConsumed(garbage)))
                .isInstanceOf(UndecodableEventException.class);
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> sent) {
        var consumed = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(h -> consumed.headers().add(h));
        return consumed;
    }

    private void save(String id, DomainEvent... events) {
        List<OutboxMessage> outbox = new ArrayList<>();
        for (DomainEvent event : events) {
            outbox.add(codec.toOutbox(event));
        }
        mongo.insert(new Thing(id, outbox), "things");
    }

    private List<?> outbox(String id) {
        Document document = mongo.findById(id, Document.class, "things");
        return document.getList("outbox", Object.class);
    }

    private static List<ConsumerRecord<String, byte[]>> forKey(TopicReader reader, String key) {
        return reader.records().stream().filter(r -> key.equals(r.key())).toList();
    }

    record Thing(String id, List<OutboxMessage> outbox) {
    }

    @Configuration
    @EnableAutoConfiguration
    static class TestApplication {
    }
}
