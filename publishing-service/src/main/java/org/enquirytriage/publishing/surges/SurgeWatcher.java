package org.enquirytriage.publishing.surges;

import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.mining.Message;
import org.enquirytriage.publishing.mining.MessageGrouped;
import org.enquirytriage.publishing.mining.TextFeatures;
import org.enquirytriage.publishing.responses.SurgeResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Watches every grouped message (every opened case, of every kind) for surges under its group, places, topic and
 * department, at once: a surge is detected on the message that makes it, and handed to {@link SurgeResponses}.
 */
@Component
class SurgeWatcher {

    private static final Logger log = LoggerFactory.getLogger(SurgeWatcher.class);

    private final SurgeDetector detector;
    private final SurgeResponses responses;
    private final int headLength;

    SurgeWatcher(SurgeSettings settings, MongoTemplate mongo, SurgeResponses responses,
            PublishingProperties properties) {
        this.detector = new SurgeDetector(settings, new MongoSurgeCounts(mongo));
        this.responses = responses;
        this.headLength = properties.mining().headLength();
    }

    @EventListener
    void on(MessageGrouped grouped) {
        Message message = grouped.message();
        List<SurgeDetector.Subject> subjects = new ArrayList<>();
        subjects.add(new SurgeDetector.Subject("GROUP", grouped.groupId(), grouped.question()));
        TextFeatures.placesOf(message.subject(), message.text(), headLength)
                .forEach(place -> subjects.add(new SurgeDetector.Subject("PLACE", place, place)));
        if (message.topic() != null) {
            subjects.add(new SurgeDetector.Subject("TOPIC", message.topic(), message.topic()));
        }
        if (message.department() != null) {
            subjects.add(new SurgeDetector.Subject("DEPARTMENT", message.department(), message.department()));
        }
        try {
            detector.observe(new SurgeDetector.Observation(message.id(), message.at(), message.department(),
                    subjects)).forEach(responses::record);
        }
        catch (RuntimeException e) {
            // the case is recorded and grouped already; a failure here must not send it to the dead-letter topic
            log.error("Could not watch case {} for surges", message.id(), e);
        }
    }
}
