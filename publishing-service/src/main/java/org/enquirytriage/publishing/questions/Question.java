package org.enquirytriage.publishing.questions;

import java.time.Instant;

import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.EnquiryKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * A question a citizen asked, as its case was opened, with the answer the department gave once it has.
 *
 * @param caseId the case the question was asked in (the same as the enquiry id)
 * @param text the question, with personal data already masked upstream
 * @param citizenKey the pseudonymous key of the citizen, to count how many different people ask the same thing
 * @param openedAt when the case was opened
 * @param receivedAt when this service recorded the question
 * @param answer the department's answer, or {@code null} while there is none
 * @param answeredAt when the answer was given, or {@code null} while there is none
 * @param qaCandidate whether staff proposed the answer for publishing as a Q&amp;A item
 */
@Document(Question.COLLECTION)
public record Question(@Id String caseId, String subject, String text, EnquiryKind kind, String topic,
        String channel, String regionCode, String citizenKey, Instant openedAt, Instant receivedAt,
        @Field(write = Field.Write.ALWAYS) String answer, @Field(write = Field.Write.ALWAYS) Instant answeredAt,
        boolean qaCandidate) {

    static final String COLLECTION = "questions";

    static Question asked(CaseOpened opened, Instant receivedAt) {
        var classification = opened.classification();
        return new Question(opened.caseId(), opened.subject(), opened.text(),
                classification == null ? null : classification.kind(),
                classification == null ? null : classification.topic(), opened.channel(), opened.regionCode(),
                opened.citizenKey(), opened.occurredAt(), receivedAt, null, null, false);
    }
}
