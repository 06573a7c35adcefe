package org.enquirytriage.classifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.enquirytriage.classifier.LabelModel;
import org.enquirytriage.classifier.LabelledText;
import org.enquirytriage.classifier.Trainer;

/**
 * {@code train-classifier --label kind|topic --train FILE [--train FILE]... --out FILE [training options]}: trains a
 * model on all the given labelled files together and writes it where {@code --out} says.
 */
public final class TrainClassifier {

    private TrainClassifier() {
    }

    private static final String USAGE = """
            usage: train-classifier --label kind|topic --train FILE [--train FILE]... --out FILE [options]
            Trains a model on all the --train files together (JSON Lines with subject, text and the label field:
            the shipped sample, an agency's own history, the corrections exported by triage-service) and writes it
            to --out, ready for triage-service's model directory or POST /api/triage/models/{label}.
            """ + TrainingArguments.USAGE;

    public static void main(String[] args) {
        Command.main("train-classifier", USAGE, TrainClassifier::run, args);
    }

    static void run(String[] args, PrintStream out) throws IOException {
        Arguments arguments = new Arguments(args, TrainingArguments.FLAGS);
        Set<String> allowed = new HashSet<>(TrainingArguments.OPTIONS);
        allowed.addAll(Set.of("--label", "--out"));
        arguments.allowOnly(allowed);
        String label = arguments.required("--label");
        Path target = Path.of(arguments.required("--out"));
        List<LabelledText> texts = TrainingArguments.texts(arguments, label);
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("--train names no labelled texts");
        }
        Map<String, Integer> counts = new TreeMap<>();
        texts.forEach(text -> counts.merge(text.label(), 1, Integer::sum));
        out.println("training " + label + " on " + texts.size() + " texts " + counts);
        LabelModel model = new Trainer(TrainingArguments.options(arguments, label)).train(label, texts);
        model.save(target);
        out.println("wrote " + model + " to " + target);
    }
}
