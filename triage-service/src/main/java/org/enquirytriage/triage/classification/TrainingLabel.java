package org.enquirytriage.triage.classification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A correction by staff, kept as a label to train the classifier on: the enquiry's words and the kind and topic staff
 * gave it. Its id is the id of the {@code CaseReclassified} event, so a redelivered event stores nothing new.
 *
 * @param id the event id
 * @param caseId the case corrected
 * @param subject the enquiry's subject (personal data masked by intake)
 * @param text the enquiry's text (personal data masked by intake)
 * @param kind the kind staff gave it
 * @param topic the topic staff gave it
 * @param priority the priority staff gave it
 * @param by who corrected it
 * @param at when
 */
@Document(TrainingLabel.COLLECTION)
public record TrainingLabel(@Id String id, String caseId, String subject, String text, String kind, String topic,
        String priority, String by, Instant at) {

    public static final String COLLECTION = "training_labels";
}
