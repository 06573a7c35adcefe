package org.enquirytriage.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service talks to Kafka.
 *
 * @param source the CloudEvents {@code source} of what this service sends; defaults to the application name
 * @param partitions the partitions of each topic when this service creates it
 * @param replicationFactor the replicas of each topic when this service creates it
 * @param outbox the outbox relay
 * @param deadLetter retries before a record goes to the dead-letter topic
 */
@ConfigurationProperties("messaging")
public record MessagingProperties(String source, @DefaultValue("12") int partitions,
        @DefaultValue("1") short replicationFactor, @DefaultValue Outbox outbox, @DefaultValue DeadLetter deadLetter) {

    /**
     * @param collections the MongoDB collections whose documents carry an {@code outbox} array to relay
     * @param sweepInterval how often the relay tries again the events it could not send
     * @param fullSweepInterval how often the relay scans the whole collection for events nobody sent (a stopped
     *        instance's); it also does at its start. A scan reads every document where no index covers
     *        {@code outbox.occurredAt} (always on mongo-java-server): at 10 s these scans of the growing
     *        collections were a large share of the local store's CPU under load, so it is once a minute
     * @param sweepAge how old a pending event must be before a scan takes it (younger ones are on their way)
     * @param batchSize the most documents relayed at once
     * @param sendTimeout how long to wait for the broker to acknowledge a batch
     */
    public record Outbox(@DefaultValue List<String> collections, @DefaultValue("2s") Duration sweepInterval,
            @DefaultValue("60s") Duration fullSweepInterval, @DefaultValue("5s") Duration sweepAge,
            @DefaultValue("500") int batchSize, @DefaultValue("15s") Duration sendTimeout) {
    }

    /**
     * @param attempts how often a failing record is tried before it is dead-lettered
     * @param backoff the pause between attempts
     */
    public record DeadLetter(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff) {
    }
}
