package org.enquirytriage.intake.enquiry.web;

import org.enquirytriage.intake.text.TextNormaliser;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the text and the subject of an {@link EnquiryRequest} as they will be kept: the text must have something
 * left once normalised, and both must fit their limits in characters after normalisation.
 */
class EnquiryTextValidator implements Validator {

    static final int MAX_SUBJECT_LENGTH = 200;

    private final int maxTextLength;

    EnquiryTextValidator(int maxTextLength) {
        this.maxTextLength = maxTextLength;
    }

    @Override
    public boolean supports(Class<?> type) {
        return EnquiryRequest.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        EnquiryRequest request = (EnquiryRequest) target;
        if (TextNormaliser.isBlank(request.text())) {
            errors.rejectValue("text", "NotBlank", "must not be blank");
        }
        else {
            checkLength(errors, "text", request.text(), maxTextLength);
        }
        if (request.subject() != null) {
            checkLength(errors, "subject", request.subject(), MAX_SUBJECT_LENGTH);
        }
    }

    private static void checkLength(Errors errors, String field, String value, int limit) {
        int length = TextNormaliser.length(TextNormaliser.normalise(value));
        if (length > limit) {
            errors.rejectValue(field, "Size", "must be at most " + limit
                    + " characters after normalisation, but has " + length);
        }
    }
}
