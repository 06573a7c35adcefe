package org.enquirytriage.classifier.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.enquirytriage.classifier.CrossValidation;
import org.enquirytriage.classifier.EnquiryClassifier;
import org.enquirytriage.classifier.Evaluation;
import org.enquirytriage.classifier.JsonLines;
import org.enquirytriage.classifier.LabelModel;
import org.enquirytriage.classifier.LabelledText;
import org.enquirytriage.classifier.Prediction;
import org.enquirytriage.classifier.PriorityRules;
import org.enquirytriage.classifier.Reliability;
import org.enquirytriage.classifier.ShippedModels;
import org.enquirytriage.classifier.Throughput;
import org.enquirytriage.classifier.Trainer;
import org.enquirytriage.classifier.TrainingOptions;

/**
 * {@code evaluate-classifier --label kind|topic --test FILE [--train FILE]... [--model FILE] [--cv K] [training
 * options]}: trains on the {@code --train} files when given (otherwise takes the model file of {@code --model}, or
 * else the shipped model), classifies every text of {@code --test}
 * (or cross-validates on the training texts with {@code --cv K}) and prints each class's precision, recall and F1,
 * the calibration and the speed, and as its last line one JSON object with n, accuracy, macro-F1, each class's
 * recall, the expected calibration error, the most confident bin and the texts classified per second on one core
 * (CPU time and wall-clock time).
 */
public final class EvaluateClassifier {

    private EvaluateClassifier() {
    }

    private static final String USAGE = """
            usage: evaluate-classifier --label kind|topic --test FILE [--train FILE]... [--model FILE] [options]
                   evaluate-classifier --label kind|topic --train FILE [--train FILE]... --cv K [options]
            Trains on the --train files (JSON Lines with subject, text and the label field) when given, otherwise
            takes the model file of --model, otherwise the shipped model; classifies every line of --test, or
            cross-validates on the training texts with --cv K (--predictions FILE: every held-out decision as
            JSON Lines, for error analysis). Prints each class's precision, recall and F1, the
            calibration (accuracy against mean confidence in ten bins of confidence), the speed, then as its last
            line one JSON object: {"label","n","accuracy","macro_f1","recall","ece","top_bin",
            "docs_per_second","docs_per_second_wall","enquiries_per_second","enquiries_per_second_wall"}.
            recall is each class's recall; ece is the expected calibration error; top_bin the most confident
            tenth of confidence that holds decisions (its n, mean confidence and accuracy); docs_per_second is
            texts classified by this label's model alone per second of one
            thread's CPU time (after a warm-up), docs_per_second_wall the same per second of wall-clock time;
            enquiries_per_second are enquiries given all three decisions (kind, topic, priority; the other label's
            model is the shipped one) per second of CPU time, enquiries_per_second_wall per second of wall-clock.
              --timing-seconds 2   how long each speed is timed (after a warm-up one and a half times as long)
            """ + TrainingArguments.USAGE;

    public static void main(String[] args) {
        Command.main("evaluate-classifier", USAGE, EvaluateClassifier::run, args);
    }

    static void run(String[] args, PrintStream out) throws IOException {
        Set<String> flags = TrainingArguments.FLAGS;
        Arguments arguments = new Arguments(args, flags);
        Set<String> allowed = new HashSet<>(TrainingArguments.OPTIONS);
        allowed.addAll(Set.of("--label", "--test", "--cv", "--model", "--timing-seconds", "--predictions"));
        arguments.allowOnly(allowed);
        String label = arguments.required("--label");
        TrainingOptions options = TrainingArguments.options(arguments, label);
        Trainer trainer = new Trainer(options);

        Evaluation evaluation;
        Reliability reliability;
        LabelModel model;
        List<LabelledText> timed;
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
            reliability = result.reliability();
            model = result.models().get(k - 1);
            if (arguments.has("--predictions")) {
                writePredictions(Path.of(arguments.required("--predictions")), texts, result);
            }
            out.println("speed measured with the model of the last fold: " + model);
            timed = texts;
        }
        else {
            List<LabelledText> test = JsonLines.read(Path.of(arguments.required("--test")), label);
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
            List<Prediction> predictions = test.stream().map(text -> model.predict(text.subject(), text.text()))
                    .toList();
            List<String> truth = test.stream().map(LabelledText::label).toList();
            List<String> predicted = predictions.stream().map(Prediction::label).toList();
            evaluation = Evaluation.of(truth, predicted);
            reliability = Reliability.of(predictions.stream().map(Prediction::confidence).toList(),
                    IntStream.range(0, truth.size()).mapToObj(i -> truth.get(i).equals(predicted.get(i))).toList());
            timed = test;
        }
        out.print(evaluation.report());
        out.println("calibration: held-out decisions by confidence");
        out.print(reliability.report());
        Duration duration = Duration.ofMillis(Math.round(1000 * Double.parseDouble(arguments.get("--timing-seconds",
                String.valueOf(Throughput.DEFAULT_DURATION.toSeconds())))));
        Throughput.Result one = Throughput.measure(timed, text -> model.predict(text.subject(), text.text()),
                duration);
        out.printf(Locale.ROOT, "speed of the %s model alone (features, decision, probabilities, explanation): %d "
                + "texts on one thread, %.0f per second of its CPU time, %.0f per second of wall-clock time%n", label,
                one.texts(), one.perCpuSecond(), one.perWallSecond());
        Throughput.Result all = allDecisions(label, model, timed, duration);
        out.printf(Locale.ROOT, "speed of all three decisions (kind + topic + priority, as triage-service classifies "
                + "an enquiry; %s): %d texts on one thread, %.0f per second of its CPU time, %.0f per second of "
                + "wall-clock time%n", companion(label), all.texts(), all.perCpuSecond(), all.perWallSecond());
        out.printf(Locale.ROOT, "{\"label\":\"%s\",\"n\":%d,\"accuracy\":%.4f,\"macro_f1\":%.4f,\"recall\":%s,"
                + "\"ece\":%.4f,\"top_bin\":%s,\"docs_per_second\":%.0f,\"docs_per_second_wall\":%.0f,"
                + "\"enquiries_per_second\":%.0f,\"enquiries_per_second_wall\":%.0f}%n", json(label), evaluation.n(),
                evaluation.accuracy(), evaluation.macroF1(), recalls(evaluation),
                reliability.expectedCalibrationError(), topBin(reliability), one.perCpuSecond(), one.perWallSecond(),
                all.perCpuSecond(), all.perWallSecond());
    }

    /**
     * Every held-out decision of a cross-validation, one JSON object a line in the order of the training texts
     * ({@code label}, {@code predicted}, {@code confidence}, {@code subject}, {@code text}): what error analysis
     * reads. Only for cross-validation, so that no one reads the errors of a test set that must choose nothing.
     */
    private static void writePredictions(Path file, List<LabelledText> texts, CrossValidation.Result result)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < texts.size(); i++) {
                ObjectNode row = json.createObjectNode();
                row.put("label", result.truth().get(i));
                row.put("predicted", result.predicted().get(i));
                row.put("confidence", result.confidence().get(i));
                row.put("subject", texts.get(i).subject());
                row.put("text", texts.get(i).text());
                writer.write(json.writeValueAsString(row));
                writer.newLine();
            }
        }
    }

    /** This label's model with the shipped model of the other label and the priority rules, timed together. */
    private static Throughput.Result allDecisions(String label, LabelModel model, List<LabelledText> texts,
            Duration duration) {
        PriorityRules rules = new PriorityRules(Clock.systemUTC(), ZoneOffset.UTC);
        EnquiryClassifier classifier = ShippedModels.KIND.equals(label)
                ? new EnquiryClassifier(model, ShippedModels.load(ShippedModels.TOPIC), rules)
                : new EnquiryClassifier(ShippedModels.load(ShippedModels.KIND), model, rules);
        return Throughput.measure(texts, text -> classifier.classify(text.subject(), text.text()), duration);
    }

    private static String companion(String label) {
        return ShippedModels.KIND.equals(label) ? "this kind model with the shipped topic model"
                : "the shipped kind model with this " + label + " model";
    }

    /** Each class's recall as a JSON object. */
    private static String recalls(Evaluation evaluation) {
        return evaluation.classes().stream()
                .map(metrics -> String.format(Locale.ROOT, "\"%s\":%.4f", json(metrics.label()), metrics.recall()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** The most confident bin that holds decisions: how many, their mean confidence and their accuracy. */
    private static String topBin(Reliability reliability) {
        List<Reliability.Bin> bins = reliability.bins();
        if (bins.isEmpty()) {
            return "null";
        }
        Reliability.Bin top = bins.get(bins.size() - 1);
        return String.format(Locale.ROOT, "{\"from\":%.1f,\"n\":%d,\"confidence\":%.4f,\"accuracy\":%.4f}",
                top.from(), top.n(), top.meanConfidence(), top.accuracy());
    }

    private static String json(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
