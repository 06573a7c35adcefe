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
 * @param zone the zone whose calendar says when it is winter (no water or power in winter is urgent)
 */
@ConfigurationProperties("triage.classification")
public record ClassificationProperties(Path modelDir,
        @DefaultValue("30s") Duration modelCheckInterval, @DefaultValue("64MB") DataSize maxModelSize,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
