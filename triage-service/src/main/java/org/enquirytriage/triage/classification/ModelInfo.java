package org.enquirytriage.triage.classification;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.classifier.LabelModel;

/**
 * A model in use, as the admin API shows it.
 *
 * @param label {@code kind} or {@code topic}
 * @param version such as {@code topic-2026.11.25-3f9a1c0e}
 * @param classes the labels it decides between
 * @param features how many features it knows
 * @param documents how many labelled texts it was trained on
 * @param trainedAt when it was trained
 * @param source where it came from: {@code shipped}, {@code upload} or the file it was read from
 * @param loadedAt when this instance took it up
 */
public record ModelInfo(String label, String version, List<String> classes, int features, int documents,
        Instant trainedAt, String source, Instant loadedAt) {

    static ModelInfo of(LabelModel model, String source, Instant loadedAt) {
        return new ModelInfo(model.label(), model.version(), model.classes(), model.featureCount(),
                model.documents(), model.trainedAt(), source, loadedAt);
    }
}
