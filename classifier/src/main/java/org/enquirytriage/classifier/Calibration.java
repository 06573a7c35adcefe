package org.enquirytriage.classifier;

/**
 * Finds the scale {@code s} for which {@code softmax(s * scores)} best predicts the true classes of held-out texts
 * (maximum likelihood, one parameter, a concave problem solved by golden-section search over {@code ln s}).
 */
final class Calibration {

    private static final double MIN_LOG_SCALE = Math.log(0.01);
    private static final double MAX_LOG_SCALE = Math.log(100);
    private static final double FLOOR = 1e-12;

    private Calibration() {
    }

    static double scale(double[][] scores, int[] gold) {
        double low = MIN_LOG_SCALE;
        double high = MAX_LOG_SCALE;
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = high - ratio * (high - low);
        double b = low + ratio * (high - low);
        double fa = likelihood(scores, gold, Math.exp(a));
        double fb = likelihood(scores, gold, Math.exp(b));
        for (int i = 0; i < 60; i++) {
            if (fa < fb) {
                low = a;
                a = b;
                fa = fb;
                b = low + ratio * (high - low);
                fb = likelihood(scores, gold, Math.exp(b));
            }
            else {
                high = b;
                b = a;
                fb = fa;
                a = high - ratio * (high - low);
                fa = likelihood(scores, gold, Math.exp(a));
            }
        }
        return Math.exp((low + high) / 2);
    }

    private static double likelihood(double[][] scores, int[] gold, double scale) {
        double sum = 0;
        for (int i = 0; i < gold.length; i++) {
            sum += Math.log(Math.max(FLOOR, LabelModel.softmax(scores[i], scale)[gold[i]]));
        }
        return sum;
    }
}
