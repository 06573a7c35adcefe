package org.enquirytriage.intake.enquiry;

import java.util.Optional;

import org.enquirytriage.intake.text.TextNormaliser;

/**
 * The limits every channel's enquiry keeps, counted on the text as it will be kept (after normalisation): the text
 * must have something left and fit the configured limit, the subject fits {@value #MAX_SUBJECT_LENGTH} characters.
 * {@link EnquiryIntake#receive} checks them for every channel.
 */
public final class EnquiryRules {

    public static final int MAX_SUBJECT_LENGTH = 200;

    public static final int MAX_EXTERNAL_ID_LENGTH = 128;

    private EnquiryRules() {
    }

    /** What is wrong with a text, or empty when it may be kept. */
    static Optional<String> checkText(String text, int maxLength) {
        if (TextNormaliser.isBlank(text)) {
            return Optional.of("must not be blank");
        }
        return checkLength(text, maxLength);
    }

    /** What is wrong with a subject, or empty when it may be kept ({@code null} may). */
    static Optional<String> checkSubject(String subject) {
        return subject == null ? Optional.empty() : checkLength(subject, MAX_SUBJECT_LENGTH);
    }

    private static Optional<String> checkLength(String value, int limit) {
        int length = TextNormaliser.length(TextNormaliser.normalise(value));
        if (length > limit) {
            return Optional.of("must be at most " + limit + " characters after normalisation, but has " + length);
        }
        return Optional.empty();
    }
}
