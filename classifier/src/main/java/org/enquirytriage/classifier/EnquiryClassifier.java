package org.enquirytriage.classifier;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies an enquiry with a kind model, a topic model and the priority rules. When both models read texts the
 * same way, the text is read once for both. Immutable and thread-safe.
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
        this.readOnce = kind.options().equals(topic.options());
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
        SparseVector kindVector;
        SparseVector topicVector;
        if (readOnce) {
            SparseVector[] vectors = FeatureSpace.vectors(kind.features(), subject, text,
                    new FeatureSpace[] { kind.space(), topic.space() });
            kindVector = vectors[0];
            topicVector = vectors[1];
        }
        else {
            kindVector = kind.vector(subject, text);
            topicVector = topic.vector(subject, text);
        }
        Prediction kindPrediction = kind.predict(kindVector, FEATURES_PER_MODEL);
        Prediction topicPrediction = topic.predict(topicVector, FEATURES_PER_MODEL);
        PriorityRules.Decision priorityDecision = priority.decide(subject, text);
        List<String> features = new ArrayList<>();
        topicPrediction.features().forEach(feature -> features.add(feature.toString()));
        kindPrediction.features().forEach(feature -> features.add(feature.toString()));
        priorityDecision.reasons().forEach(reason -> features.add(reason + "(" + priorityDecision.priority() + ")"));
        return new EnquiryDecision(kindPrediction, topicPrediction, priorityDecision,
                Math.min(kindPrediction.confidence(), topicPrediction.confidence()), modelVersion(),
                List.copyOf(features));
    }
}
