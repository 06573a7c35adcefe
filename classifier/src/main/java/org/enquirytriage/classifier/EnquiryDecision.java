package org.enquirytriage.classifier;

import java.util.List;

/**
 * The classifier's decision on an enquiry: its kind, topic and priority, each with its confidence and evidence.
 *
 * @param kind what the writer mainly wants
 * @param topic what the enquiry is about
 * @param priority how urgent it is, decided by rules
 * @param confidence the smaller of the kind's and the topic's confidence: the decision is only as sure as its less
 *        certain half (priority rules are not counted: a rule either matched or it did not)
 * @param modelVersion the versions of the kind and topic models, as {@code <kind version>+<topic version>}
 * @param features the evidence, strongest first: the topic's top features, then the kind's, then the words behind
 *        the priority, such as {@code 噪音(+0.42 环境保护)} or {@code 燃气泄漏(URGENT)}
 */
public record EnquiryDecision(Prediction kind, Prediction topic, PriorityRules.Decision priority, double confidence,
        String modelVersion, List<String> features) {
}
