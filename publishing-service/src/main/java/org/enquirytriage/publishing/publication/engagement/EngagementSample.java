package org.enquirytriage.publishing.publication.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one outlet's readers had done with one item by one time: cumulative figures. Its id is
 * {@code <item>:<outlet>:<sample time>}, so a sample reported twice is kept once; its event waits in {@code outbox}
 * in the same document until the relay has sent it.
 */
@Document(EngagementSample.COLLECTION)
record EngagementSample(@Id String id, String qaId, String outlet, Instant sampledAt, Figures figures,
        Instant receivedAt, List<OutboxMessage> outbox) {

    static final String COLLECTION = "engagement_samples";

    EngagementSample {
        outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    static String key(String qaId, String outlet, Instant sampledAt) {
        return qaId + ":" + outlet + ":" + sampledAt;
    }
}
