package org.enquirytriage.events;

import java.util.List;

/**
 * A classifier's decision on an enquiry, with the evidence for it.
 *
 * @param confidence the model's confidence in the kind and topic together, from 0 to 1
 * @param modelVersion the version of the model (or the name of the rule) that decided
 * @param features the features that weighed most in the decision, strongest first
 */
public record Classification(EnquiryKind kind, String topic, Priority priority, double confidence,
        String modelVersion, List<String> features) {
}
