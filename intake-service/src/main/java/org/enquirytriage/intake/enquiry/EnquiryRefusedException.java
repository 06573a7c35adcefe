package org.enquirytriage.intake.enquiry;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An enquiry intake does not keep because its text or subject does not fit once normalised ({@link EnquiryRules});
 * nothing was stored. Each channel answers it in its own format.
 */
public class EnquiryRefusedException extends RuntimeException {

    private final transient List<Refusal> refusals;

    public EnquiryRefusedException(List<Refusal> refusals) {
        super(refusals.stream().map(refusal -> refusal.field() + " " + refusal.problem())
                .collect(Collectors.joining("; ")));
        this.refusals = List.copyOf(refusals);
    }

    /** What is wrong, field by field, text before subject. */
    public List<Refusal> refusals() {
        return refusals;
    }

    /**
     * What is wrong with one field of the enquiry.
     *
     * @param field {@code text} or {@code subject}
     * @param problem what is wrong with it, such as "must not be blank"
     */
    public record Refusal(String field, String problem) {
    }
}
