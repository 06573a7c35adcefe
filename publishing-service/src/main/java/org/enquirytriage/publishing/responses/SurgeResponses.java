package org.enquirytriage.publishing.responses;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.enquirytriage.events.SurgeDetected;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.enquirytriage.publishing.surges.SurgeDetector;
import org.enquirytriage.publishing.surges.SurgeSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The responses to surges in MongoDB ({@code surge_responses}): a detection opens one (or raises it), announced
 * with {@link SurgeDetected} through the response's outbox; supervisors act on it; every
 * {@code publishing.surges.escalation-check} the clocks that ran out are escalated. Counted in Prometheus:
 * {@code surges_detected_total{level}}, {@code surge_escalations_total{level,overdue}},
 * {@code surge_acknowledge_seconds{level}}.
 */
@Service
public class SurgeResponses {

    private static final Logger log = LoggerFactory.getLogger(SurgeResponses.class);

    private final MongoTemplate mongo;
    private final CloudEventCodec codec;
    private final OutboxRelay relay;
    private final MeterRegistry meters;
    private final Clock clock;

    SurgeResponses(MongoTemplate mongo, CloudEventCodec codec, OutboxRelay relay, MeterRegistry meters, Clock clock,
            SurgeSettings settings) {
        this.mongo = mongo;
        this.codec = codec;
        this.relay = relay;
        this.meters = meters;
        this.clock = clock;
        // from 0 for every level, so that dashboards and alert rules find the series before the first surge
        for (SurgeSettings.Level level : settings.levels()) {
            detected(level.name());
            acknowledgeTimer(level.name());
            for (SurgeResponse.Overdue overdue : SurgeResponse.Overdue.values()) {
                escalated(level.name(), overdue);
            }
        }
    }

    private Counter detected(String level) {
        return Counter.builder("surges_detected").description("Surges detected or raised, by the level reached")
                .tag("level", level).register(meters);
    }

    private Counter escalated(String level, SurgeResponse.Overdue overdue) {
        return Counter.builder("surge_escalations").description("Surge responses escalated, by the clock that ran out")
                .tag("level", level).tag("overdue", overdue.name()).register(meters);
    }

    private Timer acknowledgeTimer(String level) {
        return Timer.builder("surge_acknowledge").description("Time from a surge's detection to its acknowledgement")
                .tag("level", level).publishPercentileHistogram().register(meters);
    }

    /** Opens the response to a new surge, or raises the response to a surge seen again at a higher level. */
    public void record(SurgeDetector.Surge surge) {
        Instant now = clock.instant();
        SurgeDetected event = new SurgeDetected(UUID.randomUUID().toString(), now, surge.surgeId(),
                surge.level().name(), surge.level().rank(), surge.subject().scope(), surge.subject().key(),
                surge.subject().label(), surge.messages(), surge.expected(), surge.firstAt(), surge.detectedAt(),
                surge.messageIds(), surge.departments());
        Optional<SurgeResponse> existing = find(surge.surgeId());
        if (existing.isEmpty()) {
            SurgeResponse response = SurgeResponse.open(surge.surgeId(), surge.level(), surge.subject().scope(),
                    surge.subject().key(), surge.subject().label(), surge.messageIds(), surge.departments(),
                    surge.firstAt(), surge.detectedAt());
            response.outbox().add(codec.toOutbox(event));
            try {
                mongo.insert(response);
                announce(response);
                return;
            }
            catch (DuplicateKeyException openedByAnotherInstance) {
                existing = find(surge.surgeId());
            }
        }
        SurgeResponse response = existing.orElseThrow();
        if (response.raise(surge.level(), surge.messageIds(), surge.departments(), surge.detectedAt())) {
            response.outbox().add(codec.toOutbox(event));
            mongo.save(response);
            announce(response);
        }
        else {
            mongo.save(response);
        }
    }

    private void announce(SurgeResponse response) {
        relay.relay(SurgeResponse.COLLECTION, response.id());
        detected(response.level()).increment();
        log.info("Surge {} at level {}: {} ({} messages)", response.id(), response.level(), response.label(),
                response.caseIds().size());
    }

    public Optional<SurgeResponse> find(String id) {
        return Optional.ofNullable(mongo.findById(id, SurgeResponse.class));
    }

    /** The responses not closed, the highest level first, then the oldest; and those closed in the last day. */
    public List<SurgeResponse> live() {
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        Query query = Query.query(new Criteria().orOperator(Criteria.where("status").ne(SurgeResponse.Status.CLOSED),
                Criteria.where("closedAt").gte(dayAgo)))
                .with(Sort.by(Sort.Order.desc("rank"), Sort.Order.asc("detectedAt"))).limit(200);
        return mongo.find(query, SurgeResponse.class);
    }

    public SurgeResponse acknowledge(String id, String by) {
        return change(id, response -> {
            Duration waited = response.acknowledge(by, clock.instant());
            acknowledgeTimer(response.level()).record(waited);
        });
    }

    public SurgeResponse assignLead(String id, String department, String by) {
        return change(id, response -> response.assignLead(department, by, clock.instant()));
    }

    public SurgeResponse linkStatement(String id, String qaId, String by) {
        return change(id, response -> response.linkStatement(qaId, by, clock.instant()));
    }

    public SurgeResponse close(String id, String summary, String by) {
        return change(id, response -> response.close(summary, by, clock.instant()));
    }

    private SurgeResponse change(String id, Consumer<SurgeResponse> step) {
        SurgeResponse response = find(id).orElseThrow(() -> new ResponseNotFoundException(id));
        step.accept(response);
        try {
            return mongo.save(response);
        }
        catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new ResponseConflictException("Response " + id + " was changed meanwhile; read it again");
        }
    }

    /** Escalates every clock that ran out; another instance doing the same loses on the version and skips. */
    @Scheduled(fixedDelayString = "${publishing.surges.escalation-check:30s}")
    public void escalateOverdue() {
        Instant now = clock.instant();
        Query open = Query.query(Criteria.where("status").ne(SurgeResponse.Status.CLOSED));
        for (SurgeResponse response : mongo.find(open, SurgeResponse.class)) {
            List<SurgeResponse.Escalation> added = response.escalate(now);
            if (added.isEmpty()) {
                continue;
            }
            try {
                mongo.save(response);
            }
            catch (OptimisticLockingFailureException escalatedElsewhere) {
                continue;
            }
            added.forEach(escalation -> {
                escalated(response.level(), escalation.kind()).increment();
                log.warn("Surge {} ({}) escalated: {} was due at {}", response.id(), response.level(),
                        escalation.kind(), escalation.dueAt());
            });
        }
    }
}
