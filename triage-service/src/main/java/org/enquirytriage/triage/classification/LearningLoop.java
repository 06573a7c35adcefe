package org.enquirytriage.triage.classification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.zip.CRC32;

import org.enquirytriage.classifier.Evaluation;
import org.enquirytriage.classifier.LabelModel;
import org.enquirytriage.classifier.LabelledText;
import org.enquirytriage.classifier.ShippedModels;
import org.enquirytriage.classifier.Trainer;
import org.enquirytriage.classifier.TrainingOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;

/**
 * Closes the learning loop (champion and challenger): trains a candidate kind and a candidate topic model on the
 * shipped labelled texts and the staff corrections, scores the candidate and the running model on the same held-out
 * corrections (one in {@code held-out-share}, chosen by the case id, never trained on), and promotes the candidate
 * only when its macro-F1 is not worse. A promoted model is stored for every instance ({@link PromotedModels}) and put
 * in use here at once; each decision with both scores is kept ({@link ModelDecisions}). Runs on a schedule and when
 * an administrator asks; a lock in MongoDB lets one instance at a time train.
 */
@Component
public class LearningLoop {

    static final String LOCK = "classifier-learning";
    private static final Logger log = LoggerFactory.getLogger(LearningLoop.class);

    private final ModelClassifier classifier;
    private final TrainingLabels labels;
    private final PromotedModels promoted;
    private final PromotedModelWatcher watcher;
    private final ModelDecisions decisions;
    private final LockingTaskExecutor locks;
    private final ClassificationProperties.Learning settings;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "learning-loop");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();

    LearningLoop(ModelClassifier classifier, TrainingLabels labels, PromotedModels promoted,
            PromotedModelWatcher watcher, ModelDecisions decisions, LockProvider lockProvider,
            ClassificationProperties properties, Clock clock) {
        this.classifier = classifier;
        this.labels = labels;
        this.promoted = promoted;
        this.watcher = watcher;
        this.decisions = decisions;
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.settings = properties.learning();
        this.clock = clock;
    }

    @Scheduled(cron = "${triage.classification.learning.schedule:0 30 2 * * *}",
            zone = "${triage.classification.zone:Asia/Shanghai}")
    void onSchedule() {
        start("schedule");
    }

    /**
     * Starts a run in the background unless this instance is running one.
     *
     * @param trigger who or what asked, for the record
     * @return the run's id, empty when a run is already going on here
     */
    public Optional<String> start(String trigger) {
        if (!running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        String runId = UUID.randomUUID().toString();
        runner.execute(() -> {
            try {
                run(runId, trigger);
            }
            catch (RuntimeException e) {
                log.error("Learning run {} failed; the running models stay", runId, e);
            }
            finally {
                running.set(false);
            }
        });
        return Optional.of(runId);
    }

    /**
     * Runs the loop now, unless another instance holds the lock.
     *
     * @return the decisions, empty when another instance was running
     */
    List<ModelDecision> run(String runId, String trigger) {
        LockConfiguration lock = new LockConfiguration(clock.instant(), LOCK, settings.lockAtMostFor(),
                Duration.ZERO);
        try {
            TaskResult<List<ModelDecision>> result = locks.executeWithLock(() -> learn(runId, trigger), lock);
            if (!result.wasExecuted()) {
                log.info("Learning run {} skipped: another instance holds the lock", runId);
                return List.of();
            }
            return result.getResult();
        }
        catch (RuntimeException | Error e) {
            throw e;
        }
        catch (Throwable e) {
            throw new IllegalStateException("learning run " + runId + " failed", e);
        }
    }

    private List<ModelDecision> learn(String runId, String trigger) {
        watcher.check();
        Map<String, TrainingLabel> corrections = latestPerCase();
        List<ModelDecision> made = new ArrayList<>();
        made.add(decide(runId, trigger, ShippedModels.KIND, corrections, TrainingLabel::kind));
        made.add(decide(runId, trigger, ShippedModels.TOPIC, corrections, TrainingLabel::topic));
        return made;
    }

    /** Each case's latest correction: a later correction of the same case replaces an earlier one. */
    private Map<String, TrainingLabel> latestPerCase() {
        Map<String, TrainingLabel> latest = new LinkedHashMap<>();
        labels.forEach(label -> latest.put(label.caseId() == null ? label.id() : label.caseId(), label));
        return latest;
    }

    private ModelDecision decide(String runId, String trigger, String label, Map<String, TrainingLabel> corrections,
            Function<TrainingLabel, String> value) {
        List<LabelledText> heldOut = new ArrayList<>();
        List<LabelledText> train = new ArrayList<>();
        corrections.forEach((caseId, correction) -> {
            String given = value.apply(correction);
            if (given != null && !given.isBlank()) {
                LabelledText text = new LabelledText(correction.subject(), correction.text(), given);
                (heldOut(caseId) ? heldOut : train).add(text);
            }
        });
        LabelModel running = classifier.inUse(label);
        List<LabelledText> shipped = ShippedModels.trainingTexts(label);
        if (heldOut.size() < settings.minHeldOut()) {
            return record(new ModelDecision(UUID.randomUUID().toString(), runId, label, clock.instant(), trigger,
                    running.version(), null, null, null, heldOut.size(), shipped.size(), train.size(), false,
                    heldOut.size() + " held-out corrections, at least " + settings.minHeldOut()
                            + " are needed to judge a candidate; the running model stays"));
        }
        List<LabelledText> texts = new ArrayList<>(shipped);
        texts.addAll(train);
        LabelModel candidate = new Trainer(TrainingOptions.defaults(label), clock).train(label, texts);
        double runningF1 = macroF1(running, heldOut);
        double candidateF1 = macroF1(candidate, heldOut);
        boolean better = candidateF1 >= runningF1;
        String id = UUID.randomUUID().toString();
        String reason = better
                ? "the candidate's macro-F1 is not worse than the running model's on the same held-out corrections"
                : "the candidate's macro-F1 is worse than the running model's; the running model stays";
        if (better) {
            try {
                classifier.replace(label, candidate, "promoted by learning run " + runId);
                promoted.add(candidate, id, clock.instant());
                watcher.took(label, candidate.version());
            }
            catch (ModelRejectedException e) {
                better = false;
                reason = "the candidate was refused: " + e.getMessage();
            }
        }
        return record(new ModelDecision(id, runId, label, clock.instant(), trigger, running.version(), runningF1,
                candidate.version(), candidateF1, heldOut.size(), shipped.size(), train.size(), better, reason));
    }

    private ModelDecision record(ModelDecision decision) {
        decisions.add(decision);
        log.info("Learning run {}: {} {} (running {} {}, candidate {} {}, {} held out)", decision.runId(),
                decision.label(), decision.promoted() ? "promoted" : "kept", decision.runningVersion(),
                decision.runningMacroF1(), decision.candidateVersion(), decision.candidateMacroF1(),
                decision.heldOut());
        return decision;
    }

    /** Whether a case's corrections are held out: always the same cases, one in {@code held-out-share}. */
    private boolean heldOut(String caseId) {
        CRC32 crc = new CRC32();
        crc.update(caseId.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % settings.heldOutShare() == 0;
    }

    private static double macroF1(LabelModel model, List<LabelledText> texts) {
        return Evaluation.of(texts.stream().map(LabelledText::label).toList(),
                texts.stream().map(text -> model.predict(text.subject(), text.text()).label()).toList()).macroF1();
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
