package org.enquirytriage.classifier;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Classifies an enquiry with a kind model, a topic model and the priority rules. The text is normalised once for
 * all three, and when both models hash the same terms (the same {@link FeatureOptions#sameTerms feature options})
 * its terms are found once for both and looked up in one table that holds both models' numbers. Immutable and
 * thread-safe.
 */
public final class EnquiryClassifier {

    /** How many features of each model a decision names. */
    public static final int FEATURES_PER_MODEL = 3;

    private final LabelModel kind;
    private final LabelModel topic;
    private final PriorityRules priority;
    private final boolean readOnce;
    /**
     * When both models read texts alike: one row per bucket that either model knows, the kind model's idf and
     * weights, then the topic model's, so that classifying touches one small table rather than two large ones.
     */
    private final int[] rowOf;
    private final float[] rows;
    private final int stride;

    public EnquiryClassifier(LabelModel kind, LabelModel topic, PriorityRules priority) {
        this.kind = kind;
        this.topic = topic;
        this.priority = priority;
        this.readOnce = kind.options().sameTerms(topic.options());
        int kindStride = kind.classes().size() + 1;
        int topicStride = topic.classes().size() + 1;
        this.stride = kindStride + topicStride;
        if (readOnce) {
            this.rowOf = new int[1 << kind.options().hashBits()];
            Arrays.fill(rowOf, -1);
            int[] known = IntStream.concat(Arrays.stream(kind.knownBuckets()), Arrays.stream(topic.knownBuckets()))
                    .distinct().sorted().toArray();
            for (int r = 0; r < known.length; r++) {
                rowOf[known[r]] = r;
            }
            this.rows = new float[known.length * stride];
            copy(kind, rowOf, rows, 0, stride);
            copy(topic, rowOf, rows, kindStride, stride);
        }
        else {
            this.rowOf = null;
            this.rows = null;
        }
    }

    /** Copies a model's rows into the shared table, at {@code offset} in each of its buckets' rows. */
    private static void copy(LabelModel model, int[] rowOf, float[] rows, int offset, int stride) {
        int[] known = model.knownBuckets();
        int modelStride = model.classes().size() + 1;
        for (int f = 0; f < known.length; f++) {
            System.arraycopy(model.rows(), f * modelStride, rows, rowOf[known[f]] * stride + offset, modelStride);
        }
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
        Prediction kindPrediction;
        Prediction topicPrediction;
        if (readOnce) {
            TermCounts terms = kind.terms(s, t);
            kindPrediction = kind.predict(terms, FEATURES_PER_MODEL, rows, rowOf, stride, 0);
            topicPrediction = topic.predict(terms, FEATURES_PER_MODEL, rows, rowOf, stride,
                    kind.classes().size() + 1);
        }
        else {
            kindPrediction = kind.predict(kind.terms(s, t), FEATURES_PER_MODEL);
            topicPrediction = topic.predict(topic.terms(s, t), FEATURES_PER_MODEL);
        }
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
