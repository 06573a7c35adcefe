package org.enquirytriage.triage.casework;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Takes every received enquiry on: links it to the open case it repeats (并单, {@code CaseMerged}) or opens a case
 * for it, classified, routed and with its deadlines ({@code CaseOpened}). A redelivered enquiry finds its case
 * already and changes nothing.
 */
@Component
class EnquiryEventHandler {

    private static final Logger log = LoggerFactory.getLogger(EnquiryEventHandler.class);

    private final CloudEventCodec codec;
    private final CaseService caseService;

    EnquiryEventHandler(CloudEventCodec codec, CaseService caseService) {
        this.codec = codec;
        this.caseService = caseService;
    }

    /** Reads an event from {@code enquiry-received}; a record that is no readable event is dead-lettered. */
    @KafkaListener(topics = Topics.ENQUIRY_RECEIVED, groupId = "triage-service")
    void handle(ConsumerRecord<String, byte[]> record) {
        Optional<DomainEvent> event = codec.decode(record);
        if (event.isPresent() && event.get() instanceof EnquiryReceived enquiry) {
            caseService.receive(enquiry);
        }
        else {
            log.debug("Skipped record {}-{}@{}: not an event this version handles", record.topic(),
                    record.partition(), record.offset());
        }
    }
}
