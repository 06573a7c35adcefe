package org.enquirytriage.triage.classification;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.enquirytriage.events.CaseReclassified;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps every correction by staff as a training label: reads {@code CaseReclassified} from {@code case-events} in
 * its own consumer group, takes the enquiry's subject and text from the case, and stores them with the corrected kind
 * and topic. Idempotent on the event id.
 */
@Component
class ReclassificationEventHandler {

    static final String GROUP = "triage-labels";
    private static final String CASES = "cases";
    private static final Logger log = LoggerFactory.getLogger(ReclassificationEventHandler.class);

    private final CloudEventCodec codec;
    private final MongoTemplate mongo;
    private final TrainingLabels labels;

    ReclassificationEventHandler(CloudEventCodec codec, MongoTemplate mongo, TrainingLabels labels) {
        this.codec = codec;
        this.mongo = mongo;
        this.labels = labels;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, groupId = GROUP)
    void handle(ConsumerRecord<String, byte[]> record) {
        codec.decode(record, CaseReclassified.class).ifPresent(this::on);
    }

    void on(CaseReclassified event) {
        Document stored = mongo.findById(event.caseId(), Document.class, CASES);
        if (stored == null) {
            log.warn("Case {} of reclassification {} is not stored: no training label kept", event.caseId(),
                    event.eventId());
            return;
        }
        Classification corrected = event.classification();
        TrainingLabel label = new TrainingLabel(event.eventId(), event.caseId(), stored.getString("subject"),
                stored.getString("text"), corrected.kind() == null ? null : corrected.kind().name(),
                corrected.topic(), corrected.priority() == null ? null : corrected.priority().name(), event.by(),
                event.occurredAt());
        if (labels.add(label)) {
            log.info("Kept the correction of case {} by {} as a training label", event.caseId(), event.by());
        }
    }
}
