package org.enquirytriage.triage.classification;

import org.enquirytriage.events.Classification;

/** Decides the kind, topic and priority of an enquiry from its words. */
public interface Classifier {

    /**
     * Classifies an enquiry.
     *
     * @param subject the subject line, {@code null} when the channel has none
     * @param text the text, with personal data already masked
     */
    Classification classify(String subject, String text);
}
