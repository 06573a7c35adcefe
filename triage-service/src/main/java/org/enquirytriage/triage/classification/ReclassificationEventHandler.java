package org.enquirytriage.triage.classification;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.CaseReclassified;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every correction by staff as a training label: reads {@code CaseReclassified} from {@code case-events} in
 * its own consumer group and stores the subject and text it carries with the corrected kind and topic. Idempotent on
 * the event id.
 */
@Component
class ReclassificationEventHandler {

    static final String GROUP = "triage-labels";
    private static final Logger log = LoggerFactory.getLogger(ReclassificationEventHandler.class);

    private final CloudEventCodec codec;
    private final TrainingLabels labels;

    ReclassificationEventHandler(CloudEventCodec codec, TrainingLabels labels) {
        this.codec = codec;
        this.labels = labels;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, groupId = GROUP)
    void handle(ConsumerRecord<String, byte[]> record) {
        codec.decode(record, CaseReclassified.class).ifPresent(this::on);
    }

    void on(CaseReclassified event) {
        if (event.text() == null) {
            log.warn("Reclassification {} of case {} carries no text (an event from before they did): no training "
                    + "label kept", event.eventId(), event.caseId());
            return;
        }
        Classification corrected = event.classification();
        TrainingLabel label = new TrainingLabel(event.eventId(), event.caseId(), event.subject(),
                event.text(), corrected.kind() == null ? null : corrected.kind().name(),
                corrected.topic(), corrected.priority() == null ? null : corrected.priority().name(), event.by(),
                event.occurredAt());
        if (labels.add(label)) {
            log.info("Kept the correction of case {} by {} as a training label", event.caseId(), event.by());
        }
    }
}
