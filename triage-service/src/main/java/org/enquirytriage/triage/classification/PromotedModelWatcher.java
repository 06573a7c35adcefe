package org.enquirytriage.triage.classification;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.enquirytriage.classifier.LabelModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Puts the newest promoted model of each label in use on this instance: at start-up and then every
 * {@code model-check-interval}, a promoted version this instance has not taken up yet replaces the model in use
 * (whichever instance's learning run promoted it).
 */
@Component
public class PromotedModelWatcher {

    private static final Logger log = LoggerFactory.getLogger(PromotedModelWatcher.class);

    private final PromotedModels promoted;
    private final ModelClassifier classifier;
    /** The newest promoted version of each label this instance has taken up (or refused). */
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    PromotedModelWatcher(PromotedModels promoted, ModelClassifier classifier) {
        this.promoted = promoted;
        this.classifier = classifier;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        check();
    }

    /** Takes up every label's newest promoted model that this instance has not taken up yet. */
    @Scheduled(initialDelayString = "${triage.classification.model-check-interval:30s}",
            fixedDelayString = "${triage.classification.model-check-interval:30s}")
    public synchronized void check() {
        for (String label : ModelClassifier.LABELS) {
            Optional<String> newest = promoted.newestVersion(label);
            if (newest.isEmpty() || newest.get().equals(seen.get(label))) {
                continue;
            }
            String version = newest.get();
            seen.put(label, version);
            if (version.equals(classifier.model(label).version())) {
                continue;
            }
            try {
                Optional<LabelModel> model = promoted.load(version);
                if (model.isPresent()) {
                    classifier.replace(label, model.get(), "promoted");
                }
            }
            catch (IOException | ModelRejectedException e) {
                log.warn("Kept the {} model {}: the promoted model {} is not usable: {}", label,
                        classifier.model(label).version(), version, e.getMessage());
            }
        }
    }

    /** Records that this instance put a promoted model in use itself. */
    void took(String label, String version) {
        seen.put(label, version);
    }
}
