package org.enquirytriage.triage.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.UndecodableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Takes every received enquiry on: links it to the open case it repeats (并单, {@code CaseMerged}) or opens a case
 * for it, classified, routed and with its deadlines ({@code CaseOpened}). A redelivered enquiry finds its case
 * already and changes nothing. The records of one poll are taken on together, in their order; a record that is no
 * readable event, or one that cannot be taken on, is named to the error handler, which commits those before it,
 * retries it and, once its attempts are used up, dead-letters it alone.
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

    /** Reads a batch of events from {@code enquiry-received}. */
    @KafkaListener(topics = Topics.ENQUIRY_RECEIVED, groupId = "triage-service", batch = "true")
    void handle(List<ConsumerRecord<String, byte[]>> records) {
        List<EnquiryReceived> enquiries = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> carriers = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<EnquiryReceived> enquiry;
            try {
                enquiry = codec.decode(record, EnquiryReceived.class);
            }
            catch (UndecodableEventException e) {
                receive(enquiries, carriers);
                throw new BatchListenerFailedException(e.getMessage(), e, record);
            }
            if (enquiry.isPresent()) {
                enquiries.add(enquiry.get());
                carriers.add(record);
            }
            else {
                log.debug("Skipped record {}-{}@{}: not an event this version handles", record.topic(),
                        record.partition(), record.offset());
            }
        }
        receive(enquiries, carriers);
    }

    private void receive(List<EnquiryReceived> enquiries, List<ConsumerRecord<String, byte[]>> carriers) {
        try {
            caseService.receive(enquiries);
        }
        catch (EnquiriesNotTakenOnException e) {
            throw new BatchListenerFailedException(e.getMessage(), e.getCause(), carriers.get(e.firstNotTakenOn()));
        }
    }
}
