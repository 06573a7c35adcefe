package org.enquirytriage.intake.delivery;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Attempts the due deliveries every {@code intake.delivery.poll-interval}, on every instance (each takes its own). */
@Component
class DeliveryJob {

    private final Replies replies;

    DeliveryJob(Replies replies) {
        this.replies = replies;
    }

    @Scheduled(fixedDelayString = "${intake.delivery.poll-interval:2s}",
            initialDelayString = "${intake.delivery.poll-interval:2s}")
    void attemptDue() {
        replies.attemptDue();
    }
}
