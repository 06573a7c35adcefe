package org.enquirytriage.classifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.enquirytriage.classifier.CrossValidation;
import org.enquirytriage.classifier.Evaluation;
import org.enquirytriage.classifier.JsonLines;
import org.enquirytriage.classifier.LabelModel;
import org.enquirytriage.classifier.LabelledText;
import org.enquirytriage.classifier.ShippedModels;
import org.enquirytriage.classifier.Throughput;
import org.enquirytriage.classifier.Trainer;
import org.enquirytriage.classifier.TrainingOptions;

/**
 * {@code evaluate-classifier --label kind|topic --test FILE [--train FILE]... [--model FILE] [--cv K] [training
 * options]}: trains on the {@code --train} files when given (otherwise takes the model file of {@code --model}, or
 * else the shipped model), classifies every text of {@code --test}
 * (or cross-validates on the training texts with {@code --cv K}) and prints each class's precision, recall and F1,
 * and as its last line one JSON object with n, accuracy, macro-F1 and the texts classified per second on one core.
 */
public final class EvaluateClassifier {

    private EvaluateClassifier() {
    }

    private static final String USAGE = """
            usage: evaluate-classifier --label kind|topic --test FILE [--train FILE]... [--model FILE] [options]
                   evaluate-classifier --label kind|topic --train FILE [--train FILE]... --cv K [options]
            Trains on the --train files (JSON Lines with subject, text and the label field) when given, otherwise
            takes the model file of --model, otherwise the shipped model; classifies every line of --test, or
            cross-validates on the training texts with --cv K. Prints each class's precision, recall and F1, then
            as its last line one JSON object: {"label","n","accuracy","macro_f1","docs_per_second"} (texts per
            second of one thread's CPU time).
            """ + TrainingArguments.USAGE;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (Arrays.asList(args).contains("--help")) {
            out.print(USAGE);
            return;
        }
        try {
            run(args, out);
        }
        catch (IllegalArgumentException | IOException e) {
            System.err.println("evaluate-classifier: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        }
    }

    static void run(String[] args, PrintStream out) throws IOException {
        Set<String> flags = TrainingArguments.FLAGS;
        Arguments arguments = new Arguments(args, flags);
        Set<String> allowed = new HashSet<>(TrainingArguments.OPTIONS);
        allowed.addAll(Set.of("--label", "--test", "--cv", "--model"));
        arguments.allowOnly(allowed);
        String label = arguments.required("--label");
        TrainingOptions options = TrainingArguments.options(arguments);
        Trainer trainer = new Trainer(options);

        Evaluation evaluation;
        Throughput.Result speed;
        if (arguments.has("--cv")) {
            int k = Integer.parseInt(arguments.required("--cv"));
            List<LabelledText> texts = TrainingArguments.texts(arguments, label);
            if (texts.isEmpty()) {
                throw new IllegalArgumentException("--cv needs --train");
            }
            out.printf(Locale.ROOT, "%d-fold cross-validation of %s on %d texts, %s%n", k, label, texts.size(),
                    options);
            CrossValidation.Result result = CrossValidation.run(trainer, label, texts, k);
            evaluation = result.evaluation();
            LabelModel last = result.models().get(k - 1);
            out.println("speed measured with the model of the last fold: " + last);
            speed = Throughput.measure(texts, text -> last.predict(text.subject(), text.text()));
        }
        else {
            List<LabelledText> test = JsonLines.read(Path.of(arguments.required("--test")), label);
            LabelModel model;
            if (arguments.has("--train")) {
                List<LabelledText> texts = TrainingArguments.texts(arguments, label);
                out.printf(Locale.ROOT, "training %s on %d texts, %s%n", label, texts.size(), options);
                model = trainer.train(label, texts);
            }
            else if (arguments.has("--model")) {
                model = LabelModel.load(Path.of(arguments.required("--model")));
            }
            else {
                model = ShippedModels.load(label);
            }
            out.println("model " + model);
            List<String> truth = test.stream().map(LabelledText::label).toList();
            List<String> predicted = test.stream().map(text -> model.predict(text.subject(), text.text()).label())
                    .toList();
            evaluation = Evaluation.of(truth, predicted);
            speed = Throughput.measure(test, text -> model.predict(text.subject(), text.text()));
        }
        out.print(evaluation.report());
        out.printf(Locale.ROOT, "speed: %d texts classified on one thread, %.0f per second of its CPU time, %.0f per "
                + "second of wall-clock time%n", speed.texts(), speed.perCpuSecond(), speed.perWallSecond());
        out.printf(Locale.ROOT, "{\"label\":\"%s\",\"n\":%d,\"accuracy\":%.4f,\"macro_f1\":%.4f,"
                + "\"docs_per_second\":%.0f}%n", json(label), evaluation.n(), evaluation.accuracy(),
                evaluation.macroF1(), speed.perCpuSecond());
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
