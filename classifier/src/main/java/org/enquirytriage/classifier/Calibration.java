package org.enquirytriage.classifier;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Turns a model's scores into probabilities: {@code softmax(scale * scores + boost * e)}, where {@code e} marks the
 * class with the highest score. The scale alone (temperature scaling) can only make every decision more or less
 * sure; one-against-the-rest scores are too sure of their clearest decisions and not sure enough of their close
 * ones, which the boost of the winning class corrects. Both are fitted by maximum likelihood on held-out scores:
 * the log-likelihood is concave in (scale, boost), so a golden-section search over the boost, around one over the
 * logarithm of the scale, finds its maximum.
 *
 * @param scale the scale of the scores
 * @param boost what is added to the winning class's scaled score, never negative, so that the class with the
 *        highest score is always the most probable
 */
record Calibration(double scale, double boost) {

    /** Scores as they are: a scale of 1, no boost. */
    static final Calibration NONE = new Calibration(1, 0);

    private static final double MIN_LOG_SCALE = Math.log(0.01);
    private static final double MAX_LOG_SCALE = Math.log(100);
    private static final double MAX_BOOST = 10;
    private static final int STEPS = 40;
    private static final double FLOOR = 1e-12;

    Calibration {
        if (!(scale > 0) || Double.isInfinite(scale) || !(boost >= 0) || Double.isInfinite(boost)) {
            throw new IllegalArgumentException("a calibration needs a positive scale and a boost of at least 0, was "
                    + scale + " and " + boost);
        }
    }

    /** The scale and boost that best predict the true classes {@code gold} of texts with the given scores. */
    static Calibration fit(double[][] scores, int[] gold) {
        double[] weights = new double[gold.length];
        Arrays.fill(weights, 1);
        return fit(scores, gold, weights);
    }

    /** The same with each text counting {@code weights[i]} times in the likelihood. */
    static Calibration fit(double[][] scores, int[] gold, double[] weights) {
        double boost = maximise(0, MAX_BOOST,
                b -> likelihood(scores, gold, weights, bestScale(scores, gold, weights, b), b));
        return new Calibration(bestScale(scores, gold, weights, boost), boost);
    }

    /** The scale that best predicts the true classes without a boost (temperature scaling). */
    static double scale(double[][] scores, int[] gold) {
        double[] weights = new double[gold.length];
        Arrays.fill(weights, 1);
        return bestScale(scores, gold, weights, 0);
    }

    /** Every class's probability, in the order of the scores. */
    double[] probabilities(double[] scores) {
        int best = LabelModel.argmax(scores);
        double max = scores[best];
        double[] probabilities = new double[scores.length];
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            probabilities[c] = Math.exp(scale * (scores[c] - max) + (c == best ? boost : 0));
            sum += probabilities[c];
        }
        for (int c = 0; c < scores.length; c++) {
            probabilities[c] /= sum;
        }
        return probabilities;
    }

    private static double bestScale(double[][] scores, int[] gold, double[] weights, double boost) {
        return Math.exp(maximise(MIN_LOG_SCALE, MAX_LOG_SCALE,
                logScale -> likelihood(scores, gold, weights, Math.exp(logScale), boost)));
    }

    /** Golden-section search for the maximum of a unimodal function on [low, high]. */
    private static double maximise(double low, double high, DoubleUnaryOperator f) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = high - ratio * (high - low);
        double b = low + ratio * (high - low);
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        for (int i = 0; i < STEPS; i++) {
            if (fa < fb) {
                low = a;
                a = b;
                fa = fb;
                b = low + ratio * (high - low);
                fb = f.applyAsDouble(b);
            }
            else {
                high = b;
                b = a;
                fb = fa;
                a = high - ratio * (high - low);
                fa = f.applyAsDouble(a);
            }
        }
        return (low + high) / 2;
    }

    private static double likelihood(double[][] scores, int[] gold, double[] weights, double scale, double boost) {
        Calibration calibration = new Calibration(scale, boost);
        double sum = 0;
        for (int i = 0; i < gold.length; i++) {
            sum += weights[i] * Math.log(Math.max(FLOOR, calibration.probabilities(scores[i])[gold[i]]));
        }
        return sum;
    }
}
