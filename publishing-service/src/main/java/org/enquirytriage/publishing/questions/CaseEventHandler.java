package org.enquirytriage.publishing.questions;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.publishing.mining.FrequentQuestions;
import org.enquirytriage.publishing.mining.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records the question of every opened case and the answer it was given, and puts every question into its group of
 * frequent questions. Redelivered events change nothing; a record that is no readable event fails and is
 * dead-lettered.
 */
@Component
class CaseEventHandler {

    private static final Logger log = LoggerFactory.getLogger(CaseEventHandler.class);

    private final CloudEventCodec codec;
    private final Questions questions;
    private final FrequentQuestions frequentQuestions;
    private final ApplicationEventPublisher events;

    CaseEventHandler(CloudEventCodec codec, Questions questions, FrequentQuestions frequentQuestions,
            ApplicationEventPublisher events) {
        this.codec = codec;
        this.questions = questions;
        this.frequentQuestions = frequentQuestions;
        this.events = events;
    }

    @KafkaListener(topics = Topics.CASE_EVENTS, groupId = "publishing-service")
    void on(ConsumerRecord<String, byte[]> record) {
        codec.decode(record).ifPresent(this::handle);
    }

    private void handle(DomainEvent event) {
        if (event instanceof CaseOpened opened) {
            on(opened);
        }
        else if (event instanceof CaseAnswered answered) {
            on(answered);
        }
    }

    private void on(CaseOpened opened) {
        if (questions.record(Question.asked(opened, Instant.now()))) {
            log.debug("Recorded the question of case {}", opened.caseId());
        }
        else {
            log.debug("The question of case {} was already recorded", opened.caseId());
        }
        var classification = opened.classification();
        frequentQuestions.consider(new Message(opened.caseId(), opened.subject(), opened.text(),
                opened.citizenKey(), classification == null ? null : classification.topic(),
                classification == null || classification.kind() == null ? null : classification.kind().name(),
                opened.department(), opened.occurredAt()));
    }

    private void on(CaseAnswered answered) {
        if (questions.answer(answered.caseId(), answered.answer(), answered.occurredAt(), answered.qaCandidate())) {
            log.debug("Recorded the answer to case {}", answered.caseId());
            events.publishEvent(new QuestionAnswered(answered.caseId()));
        }
        else {
            log.debug("Kept no answer to case {}: its question is unknown or holds a later answer",
                    answered.caseId());
        }
    }
}
