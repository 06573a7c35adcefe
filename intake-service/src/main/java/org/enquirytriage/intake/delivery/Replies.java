package org.enquirytriage.intake.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.enquiry.Contact;
import org.enquirytriage.intake.enquiry.Enquiry;
import org.enquirytriage.intake.wechat.WeChatClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers answers back through the channel the enquiry came from. A {@code CaseAnswered} becomes a delivery:
 * WeChat answers are sent by {@link #attemptDue()} with backoff until they go through (after
 * {@code intake.delivery.max-attempts} failures a delivery is FAILED, counted in {@code deliveries_failed_total},
 * and still tried every {@code failed-retry-interval}); hotline answers wait for an agent's call-back; Open311
 * answers are delivered by showing as {@code status_notes}. Channels without a way back (the generic JSON channels)
 * get none: their citizens see the answer in the status lookup.
 */
@Service
public class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    private static final int MAX_ERROR_LENGTH = 500;
    private static final int MAX_PER_RUN = 100;

    private final Deliveries deliveries;
    private final WeChatClient wechat;
    private final IntakeProperties.Delivery settings;
    private final MeterRegistry meters;

    Replies(Deliveries deliveries, WeChatClient wechat, IntakeProperties properties, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.wechat = wechat;
        this.settings = properties.delivery();
        this.meters = meters;
    }

    /** Keeps the delivery of an answer to the citizen of the enquiry; an answer already kept is not kept twice. */
    public void schedule(Enquiry enquiry, CaseAnswered answered) {
        Optional<DeliveryMethod> method = methodFor(enquiry.channel());
        if (method.isEmpty()) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Contact contact = enquiry.restricted().contact();
        Delivery delivery = switch (method.get()) {
            case WECHAT_MESSAGE -> {
                String openid = contact == null ? null : contact.openid();
                yield openid == null || openid.isBlank()
                        ? delivery(enquiry, answered, method.get(), null, DeliveryState.FAILED,
                                "The enquiry has no openid to answer", now, now.plus(settings.failedRetryInterval()))
                        : delivery(enquiry, answered, method.get(), openid, DeliveryState.PENDING, null, now, now);
            }
            case HOTLINE_CALLBACK -> delivery(enquiry, answered, method.get(),
                    contact == null ? null : contact.phone(), DeliveryState.PENDING,
                    contact == null || contact.phone() == null ? "The work order has no caller phone" : null, now,
                    null);
            case OPEN311_STATUS_NOTES -> new Delivery(answered.eventId(), enquiry.id(), answered.caseId(),
                    enquiry.channel(), method.get(), null, enquiry.externalId(), answered.department(),
                    answered.answer(), DeliveryState.DELIVERED, 1, null, now, now, null, now, null);
        };
        if (deliveries.insert(delivery)) {
            log.info("Answer {} to enquiry {} is to be delivered by {}", answered.eventId(), enquiry.id(),
                    delivery.method());
            if (delivery.state() == DeliveryState.FAILED) {
                failed(delivery.channel());
            }
        }
    }

    /** Attempts every WeChat delivery that is due; called by the delivery job. */
    public void attemptDue() {
        for (int i = 0; i < MAX_PER_RUN; i++) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Optional<Delivery> due = deliveries.takeDue(DeliveryMethod.WECHAT_MESSAGE, now, now.plus(settings.lease()));
            if (due.isEmpty()) {
                return;
            }
            attempt(due.get());
        }
    }

    private void attempt(Delivery delivery) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            wechat.sendText(delivery.recipient(), delivery.message());
            deliveries.recordAttempt(delivery, DeliveryState.DELIVERED, null, now, null);
            log.info("Answer {} delivered to enquiry {} by WeChat", delivery.id(), delivery.enquiryId());
        }
        catch (RuntimeException e) {
            int attempts = delivery.attempts() + 1;
            String error = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
            if (attempts >= settings.maxAttempts()) {
                deliveries.recordAttempt(delivery, DeliveryState.FAILED, error, now,
                        now.plus(settings.failedRetryInterval()));
                if (delivery.state() != DeliveryState.FAILED) {
                    failed(delivery.channel());
                }
                log.warn("Answer {} to enquiry {} could not be delivered after {} attempts; kept as FAILED and "
                        + "tried again in {}: {}", delivery.id(), delivery.enquiryId(), attempts,
                        settings.failedRetryInterval(), error);
            }
            else {
                Duration wait = backoff(attempts);
                deliveries.recordAttempt(delivery, DeliveryState.PENDING, error, now, now.plus(wait));
                log.info("Answer {} to enquiry {} not delivered (attempt {}), trying again in {}: {}", delivery.id(),
                        delivery.enquiryId(), attempts, wait, error);
            }
        }
    }

    /** The wait after the n-th failed attempt: the first backoff, doubled with each attempt, at most the longest. */
    Duration backoff(int attempts) {
        Duration wait = settings.firstBackoff();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    List<Delivery> list(DeliveryState state, DeliveryMethod method, int limit) {
        return deliveries.list(state, method, limit);
    }

    private void failed(String channel) {
        Counter.builder("deliveries_failed").description("Answers whose delivery to the citizen failed every attempt")
                .tag("channel", channel).register(meters).increment();
    }

    private static Delivery delivery(Enquiry enquiry, CaseAnswered answered, DeliveryMethod method, String recipient,
            DeliveryState state, String lastError, Instant now, Instant nextAttemptAt) {
        return new Delivery(answered.eventId(), enquiry.id(), answered.caseId(), enquiry.channel(), method,
                recipient, enquiry.externalId(), answered.department(), answered.answer(), state, 0, lastError, now,
                now, nextAttemptAt, null, null);
    }

    private static Optional<DeliveryMethod> methodFor(String channel) {
        return switch (channel) {
            case "wechat" -> Optional.of(DeliveryMethod.WECHAT_MESSAGE);
            case "hotline" -> Optional.of(DeliveryMethod.HOTLINE_CALLBACK);
            case "open311" -> Optional.of(DeliveryMethod.OPEN311_STATUS_NOTES);
            default -> Optional.empty();
        };
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
