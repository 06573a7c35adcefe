package org.enquirytriage.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How honest a model's confidence is: held-out decisions grouped by their confidence into ten equal-width bins, each
 * bin's mean confidence against its accuracy, and the expected calibration error (the bins' gaps between the two,
 * weighed by their share of the decisions). A perfectly calibrated model is right 70 % of the times it is 70 % sure.
 */
public final class Reliability {

    private static final int BINS = 10;

    /**
     * One bin of decisions.
     *
     * @param from the lowest confidence of the bin
     * @param to the highest (exclusive, but 1 in the last bin)
     * @param n how many decisions fell into it
     * @param meanConfidence their mean confidence
     * @param accuracy the share of them that were right
     */
    public record Bin(double from, double to, int n, double meanConfidence, double accuracy) {
    }

    private final int n;
    private final double meanConfidence;
    private final double accuracy;
    private final double expectedCalibrationError;
    private final List<Bin> bins;

    private Reliability(int n, double meanConfidence, double accuracy, double expectedCalibrationError,
            List<Bin> bins) {
        this.n = n;
        this.meanConfidence = meanConfidence;
        this.accuracy = accuracy;
        this.expectedCalibrationError = expectedCalibrationError;
        this.bins = bins;
    }

    /** The reliability of decisions whose confidence was {@code confidence[i]} and that were {@code right[i]}. */
    public static Reliability of(List<Double> confidence, List<Boolean> right) {
        if (confidence.size() != right.size()) {
            throw new IllegalArgumentException(confidence.size() + " confidences but " + right.size() + " decisions");
        }
        int[] count = new int[BINS];
        double[] sumConfidence = new double[BINS];
        int[] correct = new int[BINS];
        for (int i = 0; i < confidence.size(); i++) {
            double p = confidence.get(i);
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a confidence must be from 0 to 1, was " + p);
            }
            int bin = Math.min(BINS - 1, (int) (p * BINS));
            count[bin]++;
            sumConfidence[bin] += p;
            correct[bin] += right.get(i) ? 1 : 0;
        }
        int n = confidence.size();
        List<Bin> bins = new ArrayList<>();
        double error = 0;
        double totalConfidence = 0;
        int totalCorrect = 0;
        for (int b = 0; b < BINS; b++) {
            totalConfidence += sumConfidence[b];
            totalCorrect += correct[b];
            if (count[b] > 0) {
                double mean = sumConfidence[b] / count[b];
                double accuracy = (double) correct[b] / count[b];
                bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, count[b], mean, accuracy));
                error += (double) count[b] / n * Math.abs(mean - accuracy);
            }
        }
        return new Reliability(n, n == 0 ? 0 : totalConfidence / n, n == 0 ? 0 : (double) totalCorrect / n, error,
                List.copyOf(bins));
    }

    public int n() {
        return n;
    }

    public double meanConfidence() {
        return meanConfidence;
    }

    public double accuracy() {
        return accuracy;
    }

    public double expectedCalibrationError() {
        return expectedCalibrationError;
    }

    /** The bins that hold decisions, lowest confidence first. */
    public List<Bin> bins() {
        return bins;
    }

    /** A table of the bins, with the mean confidence, the accuracy and the expected calibration error below it. */
    public String report() {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-20s %9s %9s %8s%n", "confidence", "mean", "accuracy", "texts"));
        for (Bin bin : bins) {
            table.append(String.format(Locale.ROOT, "%-20s %9.4f %9.4f %8d%n",
                    String.format(Locale.ROOT, "%.1f-%.1f", bin.from(), bin.to()), bin.meanConfidence(),
                    bin.accuracy(), bin.n()));
        }
        table.append(String.format(Locale.ROOT, "%-20s %9.4f %9.4f %8d%n", "all", meanConfidence, accuracy, n));
        table.append(String.format(Locale.ROOT, "expected calibration error %.4f%n", expectedCalibrationError));
        return table.toString();
    }
}
