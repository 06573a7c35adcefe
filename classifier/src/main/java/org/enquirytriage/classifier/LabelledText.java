package org.enquirytriage.classifier;

/**
 * An enquiry's words with the label a person gave it.
 *
 * @param subject the subject line, possibly empty
 * @param text the text, possibly empty
 * @param label the label, such as a kind or a topic
 */
public record LabelledText(String subject, String text, String label) {

    public LabelledText {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }
}
