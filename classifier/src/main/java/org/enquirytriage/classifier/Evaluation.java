package org.enquirytriage.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Precision, recall and F1 of every class, accuracy and macro-F1 (the unweighted mean of the classes' F1, over the
 * classes that occur in the truth or the predictions) of predicted labels against true ones.
 */
public final class Evaluation {

    private final int n;
    private final double accuracy;
    private final List<ClassMetrics> classes;

    private Evaluation(int n, double accuracy, List<ClassMetrics> classes) {
        this.n = n;
        this.accuracy = accuracy;
        this.classes = classes;
    }

    public static Evaluation of(List<String> truth, List<String> predicted) {
        if (truth.size() != predicted.size()) {
            throw new IllegalArgumentException(truth.size() + " true labels but " + predicted.size() + " predicted");
        }
        TreeSet<String> labels = new TreeSet<>(truth);
        labels.addAll(predicted);
        int correct = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truth.get(i).equals(predicted.get(i))) {
                correct++;
            }
        }
        List<ClassMetrics> metrics = new ArrayList<>();
        for (String label : labels) {
            int truePositive = 0;
            int support = 0;
            int given = 0;
            for (int i = 0; i < truth.size(); i++) {
                boolean isTrue = truth.get(i).equals(label);
                boolean isGiven = predicted.get(i).equals(label);
                support += isTrue ? 1 : 0;
                given += isGiven ? 1 : 0;
                truePositive += isTrue && isGiven ? 1 : 0;
            }
            double precision = given == 0 ? 0 : (double) truePositive / given;
            double recall = support == 0 ? 0 : (double) truePositive / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            metrics.add(new ClassMetrics(label, support, precision, recall, f1));
        }
        return new Evaluation(truth.size(), truth.isEmpty() ? 0 : (double) correct / truth.size(),
                List.copyOf(metrics));
    }

    public int n() {
        return n;
    }

    public double accuracy() {
        return accuracy;
    }

    public double macroF1() {
        return classes.stream().mapToDouble(ClassMetrics::f1).average().orElse(0);
    }

    public List<ClassMetrics> classes() {
        return classes;
    }

    /** A table of the classes' precision, recall, F1 and support, with accuracy and macro-F1 below it. */
    public String report() {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-20s %9s %9s %9s %8s%n", "class", "precision", "recall", "f1",
                "support"));
        for (ClassMetrics metrics : classes) {
            table.append(String.format(Locale.ROOT, "%-20s %9.4f %9.4f %9.4f %8d%n", metrics.label(),
                    metrics.precision(), metrics.recall(), metrics.f1(), metrics.support()));
        }
        table.append(String.format(Locale.ROOT, "%-20s %9s %9s %9.4f %8d%n", "accuracy", "", "", accuracy, n));
        table.append(String.format(Locale.ROOT, "%-20s %9s %9s %9.4f %8d%n", "macro avg", "", "", macroF1(), n));
        return table.toString();
    }
}
