package org.enquirytriage.classifier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;

/**
 * Trains a {@link LabelModel} from labelled texts with LIBLINEAR: picks the regularisation cost by inner
 * cross-validation, calibrates the probabilities on the inner folds' held-out scores, then trains on all texts.
 */
public final class Trainer {

    /**
     * In an ensemble, logistic regression is trained with this many times the cost of the primary solver: it needs
     * far less regularisation (measured best: C = 8 against the SVM's 0.5).
     */
    private static final double LOGISTIC_COST_FACTOR = 16;

    /** The score of a class that a fold's training texts lack: it never wins. */
    private static final float ABSENT = -1000f;

    static {
        Linear.disableDebugOutput();
    }

    private final TrainingOptions options;
    private final Clock clock;

    public Trainer(TrainingOptions options) {
        this(options, Clock.systemUTC());
    }

    public Trainer(TrainingOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
    }

    public TrainingOptions options() {
        return options;
    }

    /**
     * Trains a model of the named label.
     *
     * @throws IllegalArgumentException when the texts have fewer than two distinct labels
     */
    public LabelModel train(String label, List<LabelledText> texts) {
        Corpus corpus = new Corpus(texts, options.features());
        return train(label, corpus, IntStream.range(0, corpus.size()).toArray());
    }

    LabelModel train(String label, Corpus corpus, int[] documents) {
        String[] classes = Arrays.stream(documents).mapToObj(corpus::label).distinct().sorted()
                .toArray(String[]::new);
        if (classes.length < 2) {
            throw new IllegalArgumentException("training needs texts of at least two labels, had "
                    + Arrays.toString(classes));
        }
        Tuning tuning = new Tuning(options.costs().get(0), 1, 1, new double[classes.length], Calibration.NONE);
        int folds = Math.min(options.innerFolds(), smallestClass(corpus, documents));
        if (folds >= 2) {
            tuning = tune(corpus, documents, classes, folds);
        }
        Fit fit = fit(corpus, documents, classes, tuning.cost(), options.solver());
        float[] weights = fit.weights();
        float[] bias = fit.bias();
        if (options.ensemble()) {
            Fit logistic = fit(corpus, documents, classes, tuning.cost() * LOGISTIC_COST_FACTOR,
                    Solver.LOGISTIC_REGRESSION);
            weights = mix(fit.weights(), tuning.primaryScale(), logistic.weights(), tuning.logisticScale());
            bias = mix(fit.bias(), tuning.primaryScale(), logistic.bias(), tuning.logisticScale());
        }
        bias = bias.clone();
        for (int c = 0; c < classes.length; c++) {
            bias[c] += (float) tuning.offsets()[c];
        }
        return new LabelModel(label, clock.instant(), documents.length, options.features(), classes, fit.space(),
                weights, bias, tuning.calibration());
    }

    /**
     * What the inner cross-validation chose: the cost, the scales of the ensemble's members (the model's scores are
     * {@code primaryScale * primary + logisticScale * logistic}), the offset added to each class's score and the
     * calibration of the probabilities.
     */
    private record Tuning(double cost, double primaryScale, double logisticScale, double[] offsets,
            Calibration calibration) {
    }

    /** The offsets tried for each class's score, from {@code -OFFSET_RANGE} to {@code OFFSET_RANGE}. */
    private static final double OFFSET_RANGE = 1.0;
    private static final double OFFSET_STEP = 0.05;
    private static final int OFFSET_ROUNDS = 3;

    /**
     * Offsets to the classes' held-out scores that maximise macro-F1, by coordinate search on a grid (the first
     * class stays at 0: only differences matter); an offset changes only when it improves macro-F1, and among equal
     * ones the smallest in size wins, so that without a gain the offsets stay 0.
     */
    static double[] offsets(int[] gold, double[][] scores, int k, double[] weights) {
        double[] offsets = new double[k];
        double best = macroF1(gold, shifted(scores, offsets), k, weights);
        for (int round = 0; round < OFFSET_ROUNDS; round++) {
            boolean changed = false;
            for (int c = 1; c < k; c++) {
                double keep = offsets[c];
                double chosen = keep;
                int steps = (int) Math.round(OFFSET_RANGE / OFFSET_STEP);
                for (int step = -steps; step <= steps; step++) {
                    offsets[c] = step * OFFSET_STEP;
                    double f1 = macroF1(gold, shifted(scores, offsets), k, weights);
                    if (f1 > best + 1e-9 || (Math.abs(f1 - best) <= 1e-9
                            && Math.abs(offsets[c]) < Math.abs(chosen) - 1e-9)) {
                        best = Math.max(best, f1);
                        chosen = offsets[c];
                    }
                }
                offsets[c] = chosen;
                changed |= chosen != keep;
            }
            if (!changed) {
                break;
            }
        }
        return offsets;
    }

    private static double[][] shifted(double[][] scores, double[] offsets) {
        double[][] shifted = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            shifted[i] = new double[offsets.length];
            for (int c = 0; c < offsets.length; c++) {
                shifted[i][c] = scores[i][c] + offsets[c];
            }
        }
        return shifted;
    }

    private static float[] mix(float[] a, double scaleA, float[] b, double scaleB) {
        float[] mixed = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            mixed[i] = (float) (scaleA * a[i] + scaleB * b[i]);
        }
        return mixed;
    }

    /**
     * Held-out scores of every cost over the inner folds; the cost with the best macro-F1 wins. With an ensemble,
     * each member's scores are first calibrated on their own, so that the sum of the scaled scores is the logit of
     * the product of the members' probabilities; the calibration of the probabilities is then fitted on that sum.
     */
    private Tuning tune(Corpus corpus, int[] documents, String[] classes, int k) {
        List<String> labels = Arrays.stream(documents).mapToObj(corpus::label).toList();
        int[] gold = labels.stream().mapToInt(label -> Arrays.binarySearch(classes, label)).toArray();
        int[] folds = Folds.stratified(labels, k, options.seed());
        double[] weights = mixWeights(gold, classes);
        List<Double> costs = options.costs();
        int members = options.ensemble() ? 2 : 1;
        double[][][][] scores = new double[members][costs.size()][documents.length][];
        IntStream.range(0, members * costs.size() * k).parallel().forEach(task -> {
            int member = task / (costs.size() * k);
            int c = task / k % costs.size();
            int fold = task % k;
            int[] train = Folds.select(documents, folds, fold, false);
            Fit fit = member == 0 ? fit(corpus, train, classes, costs.get(c), options.solver())
                    : fit(corpus, train, classes, costs.get(c) * LOGISTIC_COST_FACTOR, Solver.LOGISTIC_REGRESSION);
            for (int i = 0; i < documents.length; i++) {
                if (folds[i] == fold) {
                    scores[member][c][i] = LabelModel.scores(corpus.vector(documents[i], fit.space()),
                            fit.weights(), fit.bias());
                }
            }
        });
        Tuning best = null;
        double bestF1 = -1;
        for (int c = 0; c < costs.size(); c++) {
            double primaryScale = 1;
            double logisticScale = 0;
            double[][] combined = scores[0][c];
            if (options.ensemble()) {
                primaryScale = Calibration.scale(scores[0][c], gold);
                logisticScale = Calibration.scale(scores[1][c], gold);
                combined = new double[documents.length][classes.length];
                for (int i = 0; i < documents.length; i++) {
                    for (int j = 0; j < classes.length; j++) {
                        combined[i][j] = primaryScale * scores[0][c][i][j] + logisticScale * scores[1][c][i][j];
                    }
                }
            }
            double[] offsets = options.classOffsets() ? offsets(gold, combined, classes.length, weights)
                    : new double[classes.length];
            double[][] decided = shifted(combined, offsets);
            double f1 = macroF1(gold, decided, classes.length, weights);
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = new Tuning(costs.get(c), primaryScale, logisticScale, offsets,
                        Calibration.fit(decided, gold, weights));
            }
        }
        return best;
    }

    /** Macro-F1 of the decisions by these scores, each text counting {@code weights[i]} times. */
    static double macroF1(int[] gold, double[][] scores, int k, double[] weights) {
        double[] truePositives = new double[k];
        double[] decided = new double[k];
        double[] actual = new double[k];
        for (int i = 0; i < gold.length; i++) {
            int predicted = LabelModel.argmax(scores[i]);
            decided[predicted] += weights[i];
            actual[gold[i]] += weights[i];
            if (predicted == gold[i]) {
                truePositives[gold[i]] += weights[i];
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            if (actual[c] == 0 && decided[c] == 0) {
                continue;
            }
            present++;
            double denominator = decided[c] + actual[c];
            sum += denominator == 0 ? 0 : 2 * truePositives[c] / denominator;
        }
        return present == 0 ? 0 : sum / present;
    }

    /**
     * How much each held-out text counts so that the classes have the shares of {@link TrainingOptions#mix}: a
     * class's share in the mix over its share among these texts (1 for every text without a mix, and for a class
     * the mix does not name).
     */
    private double[] mixWeights(int[] gold, String[] classes) {
        double[] weights = new double[gold.length];
        Arrays.fill(weights, 1);
        Map<String, Double> mix = options.mix();
        if (mix.isEmpty()) {
            return weights;
        }
        int[] counts = new int[classes.length];
        for (int c : gold) {
            counts[c]++;
        }
        double named = 0;
        int namedTexts = 0;
        for (int c = 0; c < classes.length; c++) {
            if (mix.containsKey(classes[c])) {
                named += mix.get(classes[c]);
                namedTexts += counts[c];
            }
        }
        for (int i = 0; i < gold.length; i++) {
            Double share = mix.get(classes[gold[i]]);
            if (share != null) {
                weights[i] = share / named * namedTexts / counts[gold[i]];
            }
        }
        return weights;
    }

    private static int smallestClass(Corpus corpus, int[] documents) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int d : documents) {
            counts.merge(corpus.label(d), 1, Integer::sum);
        }
        return counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
    }

    record Fit(FeatureSpace space, float[] weights, float[] bias) {
    }

    /** Trains LIBLINEAR on the given documents; classes the documents lack get a score that never wins. */
    Fit fit(Corpus corpus, int[] documents, String[] classes, double cost, Solver solver) {
        FeatureSpace space = corpus.space(documents);
        int n = space.capacity();
        Problem problem = new Problem();
        problem.l = documents.length;
        problem.n = n + 1;
        problem.bias = 1;
        problem.x = new Feature[documents.length][];
        problem.y = new double[documents.length];
        int[] counts = new int[classes.length];
        for (int i = 0; i < documents.length; i++) {
            SparseVector x = corpus.vector(documents[i], space);
            Feature[] nodes = new Feature[x.size() + 1];
            for (int j = 0; j < x.size(); j++) {
                nodes[j] = new FeatureNode(x.indices()[j] + 1, x.values()[j]);
            }
            nodes[x.size()] = new FeatureNode(n + 1, 1);
            problem.x[i] = nodes;
            int c = Arrays.binarySearch(classes, corpus.label(documents[i]));
            problem.y[i] = c;
            counts[c]++;
        }
        Parameter parameter = new Parameter(solver.type(), cost, solver.epsilon());
        parameter.setRandom(new Random(options.seed()));
        if (options.balanced()) {
            List<Integer> present = IntStream.range(0, classes.length).filter(c -> counts[c] > 0).boxed().toList();
            double[] weights = present.stream()
                    .mapToDouble(c -> (double) documents.length / (present.size() * counts[c])).toArray();
            parameter.setWeights(weights, present.stream().mapToInt(Integer::intValue).toArray());
        }
        int k = classes.length;
        float[] weights = new float[n * k];
        float[] bias = new float[k];
        Arrays.fill(bias, ABSENT);
        long present = Arrays.stream(counts).filter(count -> count > 0).count();
        if (present < 2) {
            bias[Arrays.binarySearch(classes, corpus.label(documents[0]))] = 0;
            return new Fit(space, weights, bias);
        }
        if (options.logCountRatio()) {
            return fitOneAgainstRest(space, problem, parameter, counts, documents.length);
        }
        Model model = Linear.train(problem, parameter);
        int[] labels = model.getLabels();
        for (int j = 0; j < labels.length; j++) {
            int c = labels[j];
            for (int f : space.known()) {
                weights[f * k + c] = (float) model.getDecfunCoef(f + 1, j);
            }
            bias[c] = (float) model.getDecfunBias(j);
        }
        return new Fit(space, weights, bias);
    }

    /**
     * Trains one class against the rest on features scaled by their log-count ratio (Wang and Manning's NB-SVM): a
     * feature's value for class c is multiplied by {@code ln((p_c / |p_c|) / (q_c / |q_c|))}, where {@code p_c} counts
     * (plus one) the texts of class c that have the feature and {@code q_c} the other texts. The ratio then folds into
     * the class's weights, so that classifying costs the same as without it. Classes weigh as in LIBLINEAR's own one
     * against the rest: the positive texts by the class's weight, the rest by 1.
     */
    private Fit fitOneAgainstRest(FeatureSpace space, Problem problem, Parameter shared, int[] counts, int documents) {
        int k = counts.length;
        int n = space.capacity();
        int[] known = space.known();
        float[][] present = new float[k][n];
        for (int i = 0; i < problem.l; i++) {
            int c = (int) problem.y[i];
            Feature[] x = problem.x[i];
            for (int j = 0; j < x.length - 1; j++) {
                present[c][x[j].getIndex() - 1]++;
            }
        }
        float[] weights = new float[n * k];
        float[] bias = new float[k];
        Arrays.fill(bias, ABSENT);
        double[][] original = new double[problem.l][];
        for (int i = 0; i < problem.l; i++) {
            original[i] = Arrays.stream(problem.x[i]).mapToDouble(Feature::getValue).toArray();
        }
        double[] y = problem.y;
        long presentClasses = Arrays.stream(counts).filter(count -> count > 0).count();
        for (int c = 0; c < k; c++) {
            if (counts[c] == 0) {
                continue;
            }
            float[] ratio = logCountRatio(present, c, known, n);
            Problem binary = new Problem();
            binary.l = problem.l;
            binary.n = problem.n;
            binary.bias = problem.bias;
            binary.x = problem.x;
            binary.y = new double[problem.l];
            for (int i = 0; i < problem.l; i++) {
                binary.y[i] = y[i] == c ? 1 : -1;
                Feature[] x = problem.x[i];
                for (int j = 0; j < x.length - 1; j++) {
                    x[j].setValue(original[i][j] * ratio[x[j].getIndex() - 1]);
                }
            }
            Parameter parameter = new Parameter(shared.getSolverType(), shared.getC(), shared.getEps());
            parameter.setRandom(new Random(options.seed()));
            double positive = options.balanced() ? (double) documents / (presentClasses * counts[c]) : 1;
            parameter.setWeights(new double[] { positive, 1 }, new int[] { 1, -1 });
            Model model = Linear.train(binary, parameter);
            int at = model.getLabels()[0] == 1 ? 0 : 1;
            for (int f : known) {
                weights[f * k + c] = (float) (model.getDecfunCoef(f + 1, at) * ratio[f]);
            }
            bias[c] = (float) model.getDecfunBias(at);
        }
        return new Fit(space, weights, bias);
    }

    private static float[] logCountRatio(float[][] present, int c, int[] known, int n) {
        double positive = 0;
        double negative = 0;
        double[] p = new double[known.length];
        double[] q = new double[known.length];
        for (int f = 0; f < known.length; f++) {
            double rest = 0;
            for (int other = 0; other < present.length; other++) {
                if (other != c) {
                    rest += present[other][known[f]];
                }
            }
            p[f] = 1 + present[c][known[f]];
            q[f] = 1 + rest;
            positive += p[f];
            negative += q[f];
        }
        float[] ratio = new float[n];
        for (int f = 0; f < known.length; f++) {
            ratio[known[f]] = (float) Math.log((p[f] / positive) / (q[f] / negative));
        }
        return ratio;
    }
}
