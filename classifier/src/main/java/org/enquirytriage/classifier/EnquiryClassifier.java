package org.enquirytriage.classifier;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies an enquiry with a kind model, a topic model and the priority rules. The text is normalised once for
 * all three, and when both models hash the same terms (the same {@link FeatureOptions#sameTerms feature options})
 * its terms are found once for both. Immutable and thread-safe.
 */
public final class EnquiryClassifier {

    /** How many features of each model a decision names. */
    public static final int FEATURES_PER_MODEL = 3;

    private final LabelModel kind;
    private final LabelModel topic;
    private final PriorityRules priority;
    private final boolean readOnce;

    public EnquiryClassifier(LabelModel kind, LabelModel topic, PriorityRules priority) {
        this.kind = kind;
        this.topic = topic;
        this.priority = priority;
        this.readOnce = kind.options().sameTerms(topic.options());
    }

    /** The shipped kind and topic models with the priority rules, winter counted in the given zone. */
    public static EnquiryClassifier shipped(Clock clock, ZoneId zone) {
        return new EnquiryClassifier(ShippedModels.load(ShippedModels.KIND), ShippedModels.load(ShippedModels.TOPIC),
                new PriorityRules(clock, zone));
    }

    public LabelModel kindModel() {
        return kind;
    }

    public LabelModel topicModel() {
        return topic;
    }

    /** {@code <kind version>+<topic version>}. */
    public String modelVersion() {
        return kind.version() + "+" + topic.version();
    }

    /** Classifies an enquiry; neither its subject nor its text need be present. */
    public EnquiryDecision classify(String subject, String text) {
        String s = TextFeatures.normalise(subject);
        String t = TextFeatures.normalise(text);
        TermCounts terms = kind.terms(s, t);
        Prediction kindPrediction = kind.predict(terms, FEATURES_PER_MODEL);
        Prediction topicPrediction = topic.predict(readOnce ? terms : topic.terms(s, t), FEATURES_PER_MODEL);
        PriorityRules.Decision priorityDecision = priority.decideNormalised(s, t);
        List<String> features = new ArrayList<>();
        topicPrediction.features().forEach(feature -> features.add(feature.toString()));
        kindPrediction.features().forEach(feature -> features.add(feature.toString()));
        priorityDecision.reasons().forEach(reason -> features.add(reason + "(" + priorityDecision.priority() + ")"));
        return new EnquiryDecision(kindPrediction, topicPrediction, priorityDecision,
                Math.min(kindPrediction.confidence(), topicPrediction.confidence()), modelVersion(),
                List.copyOf(features));
    }
}
