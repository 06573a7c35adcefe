package org.enquirytriage.publishing.questions.web;

import java.time.Instant;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.publishing.questions.Question;

/** A recorded question as the API shows it: everything but the citizen's key. */
record QuestionView(String caseId, String subject, String text, EnquiryKind kind, String topic, String channel,
        String regionCode, Instant openedAt, Instant receivedAt, String answer, Instant answeredAt) {

    static QuestionView of(Question question) {
        return new QuestionView(question.caseId(), question.subject(), question.text(), question.kind(),
                question.topic(), question.channel(), question.regionCode(), question.openedAt(),
                question.receivedAt(), question.answer(), question.answeredAt());
    }
}
