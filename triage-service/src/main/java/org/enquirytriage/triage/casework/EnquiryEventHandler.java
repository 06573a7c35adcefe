package org.enquirytriage.triage.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.enquirytriage.triage.classification.Classifier;
import org.enquirytriage.triage.routing.Router;
import org.enquirytriage.triage.sla.Deadlines;
import org.enquirytriage.triage.sla.SlaPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Opens a case for every enquiry received: classifies it, routes it, sets its deadlines and publishes
 * {@link CaseOpened}. A redelivered enquiry finds its case open already and changes nothing.
 */
@Component
class EnquiryEventHandler {

    private static final Logger log = LoggerFactory.getLogger(EnquiryEventHandler.class);

    private final CloudEventCodec codec;
    private final Classifier classifier;
    private final Router router;
    private final SlaPolicy slaPolicy;
    private final Cases cases;
    private final OutboxRelay outboxRelay;
    private final Clock clock;
    private final MeterRegistry meters;

    EnquiryEventHandler(CloudEventCodec codec, Classifier classifier, Router router, SlaPolicy slaPolicy, Cases cases,
            OutboxRelay outboxRelay, Clock clock, MeterRegistry meters) {
        this.codec = codec;
        this.classifier = classifier;
        this.router = router;
        this.slaPolicy = slaPolicy;
        this.cases = cases;
        this.outboxRelay = outboxRelay;
        this.clock = clock;
        this.meters = meters;
    }

    /** Reads an event from {@code enquiry-received}; a record that is no readable event is dead-lettered. */
    @KafkaListener(topics = Topics.ENQUIRY_RECEIVED, groupId = "triage-service")
    void handle(ConsumerRecord<String, byte[]> record) {
        Optional<DomainEvent> event = codec.decode(record);
        if (event.isPresent() && event.get() instanceof EnquiryReceived enquiry) {
            on(enquiry);
        }
        else {
            log.debug("Skipped record {}-{}@{}: not an event this version handles", record.topic(),
                    record.partition(), record.offset());
        }
    }

    void on(EnquiryReceived enquiry) {
        // MongoDB keeps milliseconds: the event then tells the same times as the stored case
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String regionCode = enquiry.location() == null ? null : enquiry.location().regionCode();
        Classification classification = classifier.classify(enquiry.subject(), enquiry.text());
        String department = router.departmentFor(classification, regionCode, enquiry.text());
        Deadlines deadlines = slaPolicy.deadlines(classification, now);

        Case opened = Case.open(enquiry, regionCode, classification, department, deadlines, now);
        opened.publish(codec.toOutbox(new CaseOpened(UUID.randomUUID().toString(), now, opened.id(),
                enquiry.enquiryId(), opened.channel(), opened.subject(), opened.text(), regionCode,
                opened.citizenKey(), classification, department, deadlines.firstResponseDue(),
                deadlines.resolutionDue())));
        try {
            cases.insert(opened);
        }
        catch (DuplicateKeyException e) {
            log.debug("Enquiry {} has its case already; event {} changes nothing", enquiry.enquiryId(),
                    enquiry.eventId());
            return;
        }
        outboxRelay.relay(Case.COLLECTION, opened.id());
        Counter.builder("triage.cases.opened").description("Cases opened from enquiries")
                .tag("kind", classification.kind().name()).tag("priority", classification.priority().name())
                .register(meters).increment();
        log.info("Opened case {} as {} ({}), routed to {}", opened.id(), classification.kind(),
                classification.priority(), department);
    }
}
