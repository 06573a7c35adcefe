package org.enquirytriage.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The default models shipped inside this library, trained on a small sample of public messages (see
 * {@code classifier/training/PROVENANCE.md}): {@code kind} and {@code topic}.
 */
public final class ShippedModels {

    public static final String KIND = "kind";
    public static final String TOPIC = "topic";

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
}
