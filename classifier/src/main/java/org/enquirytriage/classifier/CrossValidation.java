package org.enquirytriage.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Stratified k-fold cross-validation of the whole training procedure (including its inner choice of C and its
 * calibration): each fold is classified by a model trained on the other folds only. The result keeps the folds'
 * models, for instance to measure their speed.
 */
public final class CrossValidation {

    private CrossValidation() {
    }

    /**
     * The true labels, the held-out predictions and their confidence for every text, in the order of the texts.
     */
    public record Result(List<String> truth, List<String> predicted, List<Double> confidence,
            List<LabelModel> models) {

        public Evaluation evaluation() {
            return Evaluation.of(truth, predicted);
        }

        public Reliability reliability() {
            return Reliability.of(confidence, IntStream.range(0, truth.size())
                    .mapToObj(i -> truth.get(i).equals(predicted.get(i))).toList());
        }
    }

    public static Result run(Trainer trainer, String label, List<LabelledText> texts, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, was " + k);
        }
        Corpus corpus = new Corpus(texts, trainer.options().features());
        List<String> truth = texts.stream().map(LabelledText::label).toList();
        int[] all = IntStream.range(0, texts.size()).toArray();
        int[] folds = Folds.stratified(truth, k, trainer.options().seed());
        String[] predicted = new String[texts.size()];
        Double[] confidence = new Double[texts.size()];
        List<LabelModel> models = new ArrayList<>();
        for (int fold = 0; fold < k; fold++) {
            LabelModel model = trainer.train(label, corpus, Folds.select(all, folds, fold, false));
            models.add(model);
            for (int d : Folds.select(all, folds, fold, true)) {
                double[] probabilities = model.probabilities(corpus.terms(d));
                int best = LabelModel.argmax(probabilities);
                predicted[d] = model.classes().get(best);
                confidence[d] = probabilities[best];
            }
        }
        return new Result(truth, List.of(predicted), List.of(confidence), List.copyOf(models));
    }
}
