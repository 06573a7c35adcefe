package org.enquirytriage.triage.classification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.enquirytriage.classifier.EnquiryClassifier;
import org.enquirytriage.classifier.EnquiryDecision;
import org.enquirytriage.classifier.LabelModel;
import org.enquirytriage.classifier.PriorityRules;
import org.enquirytriage.classifier.ShippedModels;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Classifies enquiries with trained models: a kind model, a topic model and the priority rules. Starts with the
 * shipped models; {@link #replace} swaps in a new model at once, for the next enquiry, after checking it (a model
 * that fails the check changes nothing). Every classification records the versions of the models that made it.
 */
@Component
public class ModelClassifier implements Classifier {

    /** The labels a model can be loaded for. */
    public static final Set<String> LABELS = Set.of(ShippedModels.KIND, ShippedModels.TOPIC);

    private static final Logger log = LoggerFactory.getLogger(ModelClassifier.class);
    private static final Set<String> KINDS = Arrays.stream(EnquiryKind.values()).map(Enum::name)
            .collect(Collectors.toSet());

    private final PriorityRules priorityRules;
    private final Clock clock;
    private final Timer timer;
    private final AtomicReference<EnquiryClassifier> current;
    private final Map<String, ModelInfo> info = new ConcurrentHashMap<>();

    ModelClassifier(ClassificationProperties properties, Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.priorityRules = new PriorityRules(clock, properties.zone());
        this.timer = Timer.builder("triage.classification").description("Time to classify an enquiry")
                .register(meters);
        LabelModel kind = ShippedModels.load(ShippedModels.KIND);
        LabelModel topic = ShippedModels.load(ShippedModels.TOPIC);
        this.current = new AtomicReference<>(new EnquiryClassifier(kind, topic, priorityRules));
        info.put(ShippedModels.KIND, ModelInfo.of(kind, "shipped", clock.instant()));
        info.put(ShippedModels.TOPIC, ModelInfo.of(topic, "shipped", clock.instant()));
        log.info("Classifying with the shipped models {}", current.get().modelVersion());
    }

    @Override
    public Classification classify(String subject, String text) {
        EnquiryDecision decision = timer.record(() -> current.get().classify(subject, text));
        return new Classification(EnquiryKind.valueOf(decision.kind().label()), decision.topic().label(),
                decision.priority().priority(), decision.confidence(), decision.modelVersion(),
                decision.features());
    }

    /** The models in use. */
    public List<ModelInfo> models() {
        return List.of(info.get(ShippedModels.KIND), info.get(ShippedModels.TOPIC));
    }

    /** The model in use for a label. */
    public ModelInfo model(String label) {
        return info.get(label);
    }

    /** The model itself in use for a label. */
    public LabelModel inUse(String label) {
        EnquiryClassifier now = current.get();
        return ShippedModels.KIND.equals(label) ? now.kindModel() : now.topicModel();
    }

    /**
     * Reads a model file and puts it in place of the model of its label.
     *
     * @param label the label the model must decide
     * @param source where it came from, for the record
     * @throws ModelRejectedException when it is no valid model of that label
     */
    public ModelInfo replace(String label, byte[] file, String source) {
        LabelModel model;
        try {
            model = LabelModel.load(new ByteArrayInputStream(file));
        }
        catch (IOException e) {
            throw new ModelRejectedException("The " + label + " model is not valid: " + e.getMessage(), e);
        }
        return replace(label, model, source);
    }

    /**
     * Puts a model in place of the model of its label.
     *
     * @throws ModelRejectedException when it is no model of that label or decides kinds that do not exist
     */
    public synchronized ModelInfo replace(String label, LabelModel model, String source) {
        check(label, model);
        EnquiryClassifier now = current.get();
        EnquiryClassifier next = ShippedModels.KIND.equals(label)
                ? new EnquiryClassifier(model, now.topicModel(), priorityRules)
                : new EnquiryClassifier(now.kindModel(), model, priorityRules);
        current.set(next);
        ModelInfo loaded = ModelInfo.of(model, source, clock.instant());
        info.put(label, loaded);
        log.info("The {} model is now {} (from {}), was {}", label, model.version(), source,
                ShippedModels.KIND.equals(label) ? now.kindModel().version() : now.topicModel().version());
        return loaded;
    }

    private static void check(String label, LabelModel model) {
        if (!LABELS.contains(label)) {
            throw new ModelRejectedException("There is no " + label + " model; the labels are " + LABELS);
        }
        if (!model.label().equals(label)) {
            throw new ModelRejectedException("The file holds a " + model.label() + " model (" + model.version()
                    + "), not a " + label + " model");
        }
        if (ShippedModels.KIND.equals(label) && !KINDS.containsAll(model.classes())) {
            throw new ModelRejectedException("A kind model may decide only " + KINDS + ", this one decides "
                    + model.classes());
        }
    }
}
