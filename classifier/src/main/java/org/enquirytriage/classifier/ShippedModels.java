package org.enquirytriage.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The default models shipped inside this library, trained on a small sample of public messages (see
 * {@code classifier/training/PROVENANCE.md}): {@code kind} and {@code topic}; and the labelled texts they were
 * trained on, so that a service can train them again together with its own labels.
 */
public final class ShippedModels {

    public static final String KIND = "kind";
    public static final String TOPIC = "topic";

    /** The file in {@code classifier/training/} that each shipped model was trained on. */
    private static final Map<String, String> TRAINING = Map.of(KIND, "kind-train.jsonl", TOPIC,
            "topic-sample.jsonl");

    private ShippedModels() {
    }

    /**
     * Loads the shipped model of a label.
     *
     * @throws IllegalArgumentException when no model of that label is shipped
     */
    public static LabelModel load(String label) {
        String resource = "models/" + label + ".model";
        try (InputStream in = ShippedModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped model for label " + label
                        + " (shipped: " + KIND + ", " + TOPIC + ")");
            }
            return LabelModel.load(in);
        }
        catch (IOException e) {
            throw new UncheckedIOException("the shipped model " + resource + " is not readable", e);
        }
    }

    /**
     * The labelled texts the shipped model of a label was trained on.
     *
     * @throws IllegalArgumentException when no model of that label is shipped
     */
    public static List<LabelledText> trainingTexts(String label) {
        String file = TRAINING.get(label);
        if (file == null) {
            throw new IllegalArgumentException("no shipped training texts for label " + label
                    + " (shipped: " + KIND + ", " + TOPIC + ")");
        }
        String resource = "training/" + file;
        try (InputStream in = ShippedModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the shipped training texts " + resource + " are missing");
            }
            return JsonLines.read(new InputStreamReader(in, StandardCharsets.UTF_8), label, resource);
        }
        catch (IOException e) {
            throw new UncheckedIOException("the shipped training texts " + resource + " are not readable", e);
        }
    }
}
