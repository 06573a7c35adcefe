package org.enquirytriage.intake.caseevents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.events.CaseEvent;
import org.enquirytriage.events.Topics;
import org.enquirytriage.intake.delivery.Replies;
import org.enquirytriage.intake.enquiry.CaseProgress;
import org.enquirytriage.intake.enquiry.EnquiryIntake;
import org.enquirytriage.messaging.CloudEventCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code case-events} (group {@code intake-service}): each event updates the progress of the enquiries
 * it concerns, and an answer is kept for delivery to the citizen. Both are idempotent (the progress remembers the
 * event ids applied, a delivery's id is the answer's event id), so a redelivered record changes nothing; events
 * this version does not know are skipped, garbage is dead-lettered by the error handler.
 */
@Component
class CaseEventHandler {

    private static final Logger log = LoggerFactory.getLogger(CaseEventHandler.class);

    private final CloudEventCodec codec;
    private final CaseProgress progress;
    private final EnquiryIntake intake;
    private final Replies replies;

    CaseEventHandler(CloudEventCodec codec, CaseProgress progress, EnquiryIntake intake, Replies replies) {
        this.codec = codec;
        this.progress = progress;
        this.intake = intake;
        this.replies = replies;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, groupId = "${spring.kafka.consumer.group-id:intake-service}")
    void on(ConsumerRecord<String, byte[]> record) {
        codec.decode(record, CaseEvent.class).ifPresent(this::on);
    }

    private void on(CaseEvent event) {
        progress.apply(event);
        if (event instanceof CaseAnswered answered) {
            intake.find(answered.enquiryId()).ifPresentOrElse(enquiry -> replies.schedule(enquiry, answered),
                    () -> log.warn("Answer {} is for enquiry {}, which intake does not have", answered.eventId(),
                            answered.enquiryId()));
        }
    }
}
