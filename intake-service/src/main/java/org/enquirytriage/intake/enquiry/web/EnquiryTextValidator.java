package org.enquirytriage.intake.enquiry.web;

import org.enquirytriage.intake.enquiry.EnquiryRules;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Checks the text and the subject of an {@link EnquiryRequest} as they will be kept ({@link EnquiryRules}): the
 * text must have something left once normalised, and both must fit their limits after normalisation.
 */
class EnquiryTextValidator implements Validator {

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
        EnquiryRules.checkText(request.text(), maxTextLength)
                .ifPresent(message -> errors.rejectValue("text", "Text", message));
        EnquiryRules.checkSubject(request.subject())
                .ifPresent(message -> errors.rejectValue("subject", "Size", message));
    }
}
