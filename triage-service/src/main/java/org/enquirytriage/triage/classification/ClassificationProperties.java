package org.enquirytriage.triage.classification;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The classifier's settings. Which confidence sends a case to the manual desk is routing's decision
 * ({@code triage.routing.manual-desk-below}).
 *
 * @param modelDir a directory watched for {@code kind.model} and {@code topic.model}: a new or changed file replaces
 *     the model in use without a restart once it has proved valid (otherwise the model in use goes on serving);
 *     models uploaded through the admin API are written here too, so that every instance sharing the directory
 *     takes them up. Without it the service uses the shipped models and uploads last until a restart.
 * @param modelCheckInterval how often the model directory is looked at
 * @param maxModelSize the largest model file accepted
 * @param zone the zone whose calendar says when it is winter (no water or power in winter is urgent), and the zone
 *     of the learning schedule
 * @param learning when and how the models are trained again on the shipped labels and the staff corrections
 */
@ConfigurationProperties("triage.classification")
public record ClassificationProperties(Path modelDir,
        @DefaultValue("30s") Duration modelCheckInterval, @DefaultValue("64MB") DataSize maxModelSize,
        @DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue Learning learning) {

    /**
     * The learning loop: trains a candidate kind and topic model on the shipped labels and the staff corrections,
     * scores it and the running model on the same held-out corrections, and promotes it only when its macro-F1 is
     * not worse.
     *
     * @param schedule a cron expression in {@code zone}, {@code -} for no scheduled runs (the admin API still starts
     *     one)
     * @param heldOutShare one correction in this many (chosen by a hash of its case id, so always the same ones) is
     *     held out for scoring and never trained on
     * @param minHeldOut the fewest held-out corrections of a label that a decision is made on; with fewer the
     *     running model stays
     * @param lockAtMostFor how long one instance may hold the lock of a run before another may start one
     */
    public record Learning(@DefaultValue("0 30 2 * * *") String schedule, @DefaultValue("5") int heldOutShare,
            @DefaultValue("20") int minHeldOut, @DefaultValue("PT1H") Duration lockAtMostFor) {

        public Learning {
            if (heldOutShare < 2) {
                throw new IllegalArgumentException("held-out-share must be at least 2, was " + heldOutShare);
            }
            if (minHeldOut < 1) {
                throw new IllegalArgumentException("min-held-out must be at least 1, was " + minHeldOut);
            }
        }
    }
}
