package org.enquirytriage.triage.casework;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.SatisfactionRated;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the citizens' ratings that intake publishes on {@code case-events} ({@code SatisfactionRated}, keyed by
 * the case id) and records them on their cases: dissatisfaction reopens a case. The other events of the topic are
 * skipped; a redelivered rating changes nothing.
 */
@Component
class SatisfactionEventHandler {

    private final CloudEventCodec codec;
    private final CaseService caseService;

    SatisfactionEventHandler(CloudEventCodec codec, CaseService caseService) {
        this.codec = codec;
        this.caseService = caseService;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, groupId = "triage-satisfaction")
    void handle(ConsumerRecord<String, byte[]> record) {
        codec.decode(record, SatisfactionRated.class).ifPresent(caseService::rate);
    }
}
