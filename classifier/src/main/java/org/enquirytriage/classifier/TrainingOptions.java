package org.enquirytriage.classifier;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a model is trained.
 *
 * @param features how texts become features
 * @param solver the LIBLINEAR solver
 * @param costs the regularisation costs C to try; with more than one, inner cross-validation on the training texts
 *        picks the one with the best macro-F1
 * @param balanced whether each class weighs inversely to its frequency, so that small classes count as much as
 *        large ones
 * @param innerFolds the folds of the inner cross-validation that picks C and calibrates the probabilities; 0 for
 *        neither (the first cost and an uncalibrated scale of 1)
 * @param seed the seed of every random choice, so that training is repeatable
 * @param logCountRatio whether each class is trained against the rest on features scaled by their log-count ratio
 *        (NB-SVM)
 * @param ensemble whether a logistic regression is trained next to the solver and the model scores with both
 *        (their calibrated scores added, which is the product of their probabilities)
 * @param classOffsets whether the inner cross-validation also fits an offset per class, added to its score, that
 *        maximises the held-out macro-F1 (a class the scores under-predict is decided more often); needs inner folds
 * @param mix the share of each class among the texts the model will classify, when the training texts have another
 *        mix (labels drawn on purpose from a small class): the inner folds' held-out texts are weighed so that
 *        their classes have these shares when the cost, the offsets and the calibration are chosen, so that they
 *        are chosen for the stream and not for the training sample; empty for the training texts' own mix
 */
public record TrainingOptions(FeatureOptions features, Solver solver, List<Double> costs, boolean balanced,
        int innerFolds, long seed, boolean logCountRatio, boolean ensemble, boolean classOffsets,
        Map<String, Double> mix) {

    /**
     * What the shipped kind model uses, the settings that measured best in cross-validation on the kind training
     * labels: the sentence form counts too, and the inner folds fit an offset per class for macro-F1.
     */
    public static final TrainingOptions DEFAULT = new TrainingOptions(FeatureOptions.DEFAULT.withSentenceForm(true),
            Solver.LINEAR_SVM, List.of(0.25, 0.5, 1.0), true, 3, 42, false, false, true, Map.of());

    /**
     * What the shipped topic model uses: log-count-ratio scaling (NB-SVM), which measured better for topics (and
     * worse for kinds), without class offsets; with the kind model's features, sentence form included, so that one
     * reading of a text serves both models (the form cost the topic model 0.001–0.002 of macro-F1 in
     * cross-validation, within the noise, and saves a second reading of every enquiry).
     */
    public static final TrainingOptions TOPIC = new TrainingOptions(FeatureOptions.DEFAULT.withSentenceForm(true),
            Solver.LINEAR_SVM, List.of(0.25, 0.5, 1.0), true, 3, 42, true, false, false, Map.of());

    /** The shipped settings for a label: {@link #TOPIC} for {@code topic}, otherwise {@link #DEFAULT}. */
    public static TrainingOptions defaults(String label) {
        return "topic".equals(label) ? TOPIC : DEFAULT;
    }

    public TrainingOptions {
        costs = List.copyOf(costs);
        if (costs.isEmpty() || costs.stream().anyMatch(c -> !(c > 0))) {
            throw new IllegalArgumentException("costs must be positive numbers, were " + costs);
        }
        mix = new TreeMap<>(mix);
        if (mix.values().stream().anyMatch(share -> !(share > 0) || Double.isInfinite(share))) {
            throw new IllegalArgumentException("the shares of the mix must be positive numbers, were " + mix);
        }
        mix = Map.copyOf(mix);
        if (innerFolds == 1 || innerFolds < 0) {
            throw new IllegalArgumentException("innerFolds must be 0 or at least 2, was " + innerFolds);
        }
    }

    public TrainingOptions withFeatures(FeatureOptions options) {
        return new TrainingOptions(options, solver, costs, balanced, innerFolds, seed, logCountRatio, ensemble,
                classOffsets, mix);
    }

    public TrainingOptions withSolver(Solver value) {
        return new TrainingOptions(features, value, costs, balanced, innerFolds, seed, logCountRatio, ensemble,
                classOffsets, mix);
    }

    public TrainingOptions withCosts(List<Double> values) {
        return new TrainingOptions(features, solver, values, balanced, innerFolds, seed, logCountRatio, ensemble,
                classOffsets, mix);
    }

    public TrainingOptions withBalanced(boolean value) {
        return new TrainingOptions(features, solver, costs, value, innerFolds, seed, logCountRatio, ensemble,
                classOffsets, mix);
    }

    public TrainingOptions withLogCountRatio(boolean value) {
        return new TrainingOptions(features, solver, costs, balanced, innerFolds, seed, value, ensemble, classOffsets,
                mix);
    }

    public TrainingOptions withEnsemble(boolean value) {
        return new TrainingOptions(features, solver, costs, balanced, innerFolds, seed, logCountRatio, value,
                classOffsets, mix);
    }

    public TrainingOptions withInnerFolds(int value) {
        return new TrainingOptions(features, solver, costs, balanced, value, seed, logCountRatio, ensemble,
                classOffsets, mix);
    }

    public TrainingOptions withClassOffsets(boolean value) {
        return new TrainingOptions(features, solver, costs, balanced, innerFolds, seed, logCountRatio, ensemble,
                value, mix);
    }

    public TrainingOptions withMix(Map<String, Double> value) {
        return new TrainingOptions(features, solver, costs, balanced, innerFolds, seed, logCountRatio, ensemble,
                classOffsets, value);
    }
}
