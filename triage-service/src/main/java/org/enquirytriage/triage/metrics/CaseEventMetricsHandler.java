package org.enquirytriage.triage.metrics;

import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.CaseAccepted;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.CaseResolved;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.events.SatisfactionRated;
import org.enquirytriage.events.SlaBreached;
import org.enquirytriage.events.SlaClock;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.UndecodableEventException;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.Cases;
import org.enquirytriage.triage.sla.SlaTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Measures the cases from their events on {@code case-events}, in a consumer group of its own shared by every
 * instance, so each event is counted once however many instances run. A clock that stopped is read from the case
 * itself (when it started, whether it was in time); a case that changed again before its event was read, so that
 * the clock is no longer the one that stopped, is left out; an event delivered twice is measured once. A new group
 * starts at the end of the topic: the history before the metrics were deployed is not counted.
 */
@Component
class CaseEventMetricsHandler {

    /** The consumer group, and the listener's id. */
    static final String GROUP = "triage-service-metrics";

    /** Far more events than arrive between a record and its redelivery. */
    private static final int REMEMBERED_EVENTS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(CaseEventMetricsHandler.class);

    private final CloudEventCodec codec;
    private final Cases cases;
    private final TurnaroundMetrics metrics;
    private final RecentEventIds measured = new RecentEventIds(REMEMBERED_EVENTS);

    CaseEventMetricsHandler(CloudEventCodec codec, Cases cases, TurnaroundMetrics metrics) {
        this.codec = codec;
        this.cases = cases;
        this.metrics = metrics;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.CASE_EVENTS,
            properties = "auto.offset.reset=latest")
    void handle(ConsumerRecord<String, byte[]> record) {
        Optional<DomainEvent> event;
        try {
            event = codec.decode(record);
        }
        catch (UndecodableEventException e) {
            // the service's other consumers of the topic dead-letter it; doing it again here would repeat that
            log.debug("Record {}-{}@{} is no event the metrics can read: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        event.filter(e -> measured.firstTime(e.eventId())).ifPresent(this::measure);
    }

    private void measure(DomainEvent event) {
        if (event instanceof CaseOpened opened) {
            metrics.classified(opened.classification());
        }
        else if (event instanceof CaseAccepted accepted) {
            stopped(SlaClock.FIRST_RESPONSE, accepted.caseId(), accepted.department(), accepted.occurredAt());
        }
        else if (event instanceof CaseResolved resolved) {
            stopped(SlaClock.RESOLUTION, resolved.caseId(), resolved.department(), resolved.occurredAt());
        }
        else if (event instanceof SlaBreached breached) {
            metrics.breached(breached.clock(), breached.department());
        }
        else if (event instanceof SatisfactionRated rated) {
            cases.findByAnyId(rated.caseId()).ifPresent(c -> metrics.rated(c.department(), rated.rating()));
        }
    }

    private void stopped(SlaClock clock, String caseId, String department, Instant at) {
        Optional<Case> found = cases.findById(caseId);
        if (found.isEmpty()) {
            log.debug("Case {} is gone; its {} clock is not measured", caseId, clock);
            return;
        }
        Case c = found.get();
        SlaTimer timer = c.clocks().timer(clock);
        if (timer == null || !at.equals(timer.stoppedAt())) {
            log.debug("The {} clock of case {} changed since it stopped at {}; it is not measured", clock, caseId, at);
            return;
        }
        metrics.clockStopped(clock, department, c.classification().kind(), timer);
    }
}
