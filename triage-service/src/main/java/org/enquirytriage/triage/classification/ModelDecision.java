package org.enquirytriage.triage.classification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one run of the learning loop decided for one label: the candidate trained on the shipped labels and the staff
 * corrections, its macro-F1 and the running model's on the same held-out corrections, and whether it was promoted.
 *
 * @param id this decision
 * @param runId the run it belongs to (one run decides kind and topic)
 * @param label {@code kind} or {@code topic}
 * @param decidedAt when
 * @param trigger {@code schedule} or {@code admin:<staff id>}
 * @param runningVersion the model in use when the run started
 * @param runningMacroF1 its macro-F1 on the held-out corrections, {@code null} when there were too few to score
 * @param candidateVersion the model trained, {@code null} when none was
 * @param candidateMacroF1 its macro-F1 on the same held-out corrections, {@code null} when none was trained
 * @param heldOut how many corrections were held out and scored
 * @param shippedTexts how many shipped labelled texts the candidate was trained on
 * @param correctionTexts how many staff corrections it was trained on
 * @param promoted whether the candidate replaced the running model on every instance
 * @param reason why, in words
 */
@Document(ModelDecision.COLLECTION)
public record ModelDecision(@Id String id, String runId, String label, Instant decidedAt, String trigger,
        String runningVersion, Double runningMacroF1, String candidateVersion, Double candidateMacroF1, int heldOut,
        int shippedTexts, int correctionTexts, boolean promoted, String reason) {

    public static final String COLLECTION = "model_decisions";
}
