package org.enquirytriage.events;

import java.time.Instant;

/**
 * An outlet reported what its readers have done with a published Q&amp;A item so far: the figures are cumulative as
 * of {@code sampledAt}, one sample per outlet and sample time.
 *
 * @param outlet the outlet the figures come from (such as {@code wechat})
 * @param sampledAt when the outlet read its figures
 */
public record QaEngagementSampled(String eventId, Instant occurredAt, String qaId, String outlet, Instant sampledAt,
        long reads, long shares, long likes, long comments) implements QaEvent {
}
