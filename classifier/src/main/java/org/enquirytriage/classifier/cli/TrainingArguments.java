package org.enquirytriage.classifier.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.enquirytriage.classifier.FeatureOptions;
import org.enquirytriage.classifier.JsonLines;
import org.enquirytriage.classifier.LabelledText;
import org.enquirytriage.classifier.Solver;
import org.enquirytriage.classifier.TrainingOptions;

/** The options both tools share: where the training texts are and how to train, defaults as shipped. */
final class TrainingArguments {

    static final Set<String> OPTIONS = Set.of("--train", "--solver", "--costs", "--chars", "--min-df",
            "--inner-folds", "--word-chars", "--no-words", "--subject-chars", "--no-subject-words", "--no-sublinear-tf",
            "--unbalanced", "--seed", "--hash-bits", "--nb", "--no-nb", "--ensemble", "--no-ensemble", "--form",
            "--no-form", "--class-offsets", "--no-class-offsets", "--mix", "--last-sentence", "--no-last-sentence",
            "--hardship", "--no-hardship");
    static final Set<String> FLAGS = Set.of("--no-words", "--no-subject-words", "--subject-chars",
            "--no-sublinear-tf", "--unbalanced", "--nb", "--no-nb", "--ensemble", "--no-ensemble", "--form",
            "--no-form", "--class-offsets", "--no-class-offsets", "--last-sentence", "--no-last-sentence", "--hardship",
            "--no-hardship");

    /** The training options as a usage line shows them, with their defaults. */
    static final String USAGE = """
            training options (defaults as shipped):
              --solver linear-svm|logistic-regression|crammer-singer   the LIBLINEAR solver (linear-svm)
              --costs 0.25,0.5,1   regularisation costs C; more than one: inner cross-validation picks one
              --inner-folds 3      folds of that inner cross-validation, which also calibrates; 0 for none
              --chars 1-3          lengths of the runs of Chinese characters taken as features
              --no-words           no smartcn words; --word-chars N: segment the subject and N characters
                                   of the text into words (0: the subject only, the default)
              --no-subject-words   do not count the subject's words a second time
              --subject-chars      count the subject's character runs a second time
              --min-df 2           keep features found in at least this many training texts
              --hash-bits 20       hash terms into 2^N features
              --form, --no-form    the form of the sentences as features too: character runs of question and
                                   request sentences, where the questions stand, first person or public
              --last-sentence      with the form: the last sentence's character runs as features of their own
              --hardship           with the form: words of hardship (困难, 走投无路, 找谁 …), the writer's own or
                                   not (--no-last-sentence, --no-hardship: without)
              --no-sublinear-tf    weigh a term's count tf as tf, not 1 + ln tf
              --unbalanced         do not weigh classes inversely to their frequency
              --seed 42            seed of every random choice
              --nb, --no-nb        scale features by their log-count ratio per class (NB-SVM); the default
                                   for topic, not for kind
              --ensemble           also train a logistic regression (16 times the cost) and add its scores
              --class-offsets      the inner cross-validation also fits an offset per class's score that
                                   maximises macro-F1 (--no-class-offsets: none)
              --mix CLASS=SHARE,…  the classes' shares in the stream the model will classify: the inner folds
                                   weigh their held-out texts to this mix when they choose the cost, the
                                   offsets and the calibration (--mix none: the training texts' own mix)
            """;

    private TrainingArguments() {
    }

    static TrainingOptions options(Arguments arguments, String label) {
        TrainingOptions defaults = TrainingOptions.defaults(label);
        FeatureOptions features = defaults.features();
        String[] chars = arguments.get("--chars", features.minCharGram() + "-" + features.maxCharGram()).split("-");
        boolean form = arguments.has("--form") || (features.sentenceForm() && !arguments.has("--no-form"));
        FeatureOptions chosen = new FeatureOptions(!arguments.has("--no-words"),
                Integer.parseInt(arguments.get("--word-chars", String.valueOf(features.wordChars()))),
                Integer.parseInt(chars[0]),
                Integer.parseInt(chars[chars.length - 1]), !arguments.has("--no-subject-words"),
                arguments.has("--subject-chars"),
                !arguments.has("--no-sublinear-tf"),
                Integer.parseInt(arguments.get("--min-df", String.valueOf(features.minDocumentFrequency()))),
                Integer.parseInt(arguments.get("--hash-bits", String.valueOf(features.hashBits()))),
                form,
                form && (arguments.has("--last-sentence")
                        || (features.lastSentence() && !arguments.has("--no-last-sentence"))),
                form && (arguments.has("--hardship") || (features.hardship() && !arguments.has("--no-hardship"))));
        List<Double> costs = arguments.has("--costs")
                ? Arrays.stream(arguments.get("--costs", "").split(",")).map(Double::valueOf).toList()
                : defaults.costs();
        Solver solver = Solver.valueOf(arguments.get("--solver", defaults.solver().name())
                .toUpperCase(Locale.ROOT).replace('-', '_'));
        return new TrainingOptions(chosen, solver, costs, !arguments.has("--unbalanced"),
                Integer.parseInt(arguments.get("--inner-folds", String.valueOf(defaults.innerFolds()))),
                Long.parseLong(arguments.get("--seed", String.valueOf(defaults.seed()))),
                arguments.has("--nb") || (defaults.logCountRatio() && !arguments.has("--no-nb")),
                arguments.has("--ensemble") || (defaults.ensemble() && !arguments.has("--no-ensemble")),
                arguments.has("--class-offsets")
                        || (defaults.classOffsets() && !arguments.has("--no-class-offsets")),
                arguments.has("--mix") ? mix(arguments.get("--mix", "")) : defaults.mix());
    }

    /** {@code CLASS=SHARE,…}, or {@code none} for no mix. */
    private static Map<String, Double> mix(String value) {
        Map<String, Double> mix = new TreeMap<>();
        if (value.equals("none")) {
            return mix;
        }
        for (String part : value.split(",")) {
            String[] pair = part.split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("--mix takes CLASS=SHARE,… or none, was " + value);
            }
            mix.put(pair[0].strip(), Double.valueOf(pair[1]));
        }
        return mix;
    }

    /** The texts of every {@code --train} file, in order. */
    static List<LabelledText> texts(Arguments arguments, String label) throws IOException {
        List<LabelledText> texts = new ArrayList<>();
        for (String file : arguments.all("--train")) {
            texts.addAll(JsonLines.read(Path.of(file), label));
        }
        return texts;
    }
}
