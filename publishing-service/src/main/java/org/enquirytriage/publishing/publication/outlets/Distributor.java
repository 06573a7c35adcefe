package org.enquirytriage.publishing.publication.outlets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

import org.enquirytriage.publishing.publication.PostForm;
import org.enquirytriage.publishing.publication.PublicLinks;
import org.enquirytriage.publishing.publication.PublicText;
import org.enquirytriage.publishing.publication.PublicationProperties;
import org.enquirytriage.publishing.publication.audio.AudioLibrary;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaItems;
import org.enquirytriage.publishing.qa.QaStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Delivers every published item to every enabled outlet, at least once. The delivery is recorded first under its
 * idempotency key ({@code <item id>:<outlet>}; a second hearing of the same publication finds it there), then
 * taken over by one instance at a time (a lease), sent through the outlet's adapter with a short in-call retry
 * (Resilience4j, {@code publication-outlets}), and on failure tried again by a sweep with a doubling backoff until
 * {@code max-attempts}, after which it waits on the dead-letter list for an editor. A refusal goes there at once.
 */
@Service
public class Distributor {

    /** The Resilience4j retry instance of the outlet calls, configured in application.yml. */
    public static final String RESILIENCE = "publication-outlets";

    private static final Logger log = LoggerFactory.getLogger(Distributor.class);
    private static final int SWEEP_BATCH = 100;
    private static final int ERROR_LENGTH = 300;

    private final MongoTemplate mongo;
    private final QaItems items;
    private final AudioLibrary audio;
    private final PublicLinks links;
    private final PublicationProperties.Delivery settings;
    private final Retry retry;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final MeterRegistry meters;
    private final Map<String, OutletAdapter> adapters = new LinkedHashMap<>();
    private ScheduledFuture<?> sweeping;

    Distributor(MongoTemplate mongo, QaItems items, AudioLibrary audio, PublicLinks links,
            PublicationProperties properties, RetryRegistry retries, RestClient.Builder http, ObjectMapper json,
            Clock clock, TaskScheduler scheduler, MeterRegistry meters) {
        this.mongo = mongo;
        this.items = items;
        this.audio = audio;
        this.links = links;
        this.settings = properties.delivery();
        this.retry = retries.retry(RESILIENCE);
        this.clock = clock;
        this.scheduler = scheduler;
        this.meters = meters;
        properties.outlets().forEach((name, outlet) -> {
            if (!outlet.enabled()) {
                log.info("Outlet {} is disabled", name);
            }
            else if (!outlet.configured()) {
                log.warn("Outlet {} ({}) is not configured completely (a webhook: URL and secret; WeChat: URL, AppID, "
                        + "AppSecret and the cover's media_id); nothing is delivered to it", name, outlet.kind());
            }
            else {
                adapters.put(name, switch (outlet.kind()) {
                    case WECHAT -> new WeChatOutlet(name, outlet, http, json, clock);
                    case WEBHOOK -> new WebhookOutlet(name, outlet, http, json, clock);
                });
                log.info("Published items are delivered to {} ({})", name, outlet.kind());
            }
        });
    }

    @PostConstruct
    void start() {
        var indexes = mongo.indexOps(Delivery.class);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC)
                .named("status_due"));
        indexes.createIndex(new Index().on("qaId", Sort.Direction.ASC).named("item"));
        if (!adapters.isEmpty()) {
            sweeping = scheduler.scheduleWithFixedDelay(this::sweep, settings.sweepInterval());
        }
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    /** The names of the outlets items are delivered to. */
    public List<String> outlets() {
        return List.copyOf(adapters.keySet());
    }

    /** Records the deliveries of a published item (once however often this is called), then tries them. */
    public void distribute(String qaId) {
        Optional<QaItem> item = items.find(qaId).filter(found -> found.status() == QaStatus.PUBLISHED);
        if (item.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (String outlet : adapters.keySet()) {
            try {
                mongo.insert(Delivery.pending(qaId, item.get().postId(), outlet, kindOf(outlet), now));
            }
            catch (DuplicateKeyException recordedAlready) {
                log.debug("Delivery of {} to {} recorded already", qaId, outlet);
            }
        }
        adapters.keySet().forEach(outlet -> attempt(Delivery.key(qaId, outlet)));
    }

    /** Tries every delivery that is due: failed ones whose wait is over, and those whose sender went away. */
    public void sweep() {
        Query due = new Query(due(clock.instant())).limit(SWEEP_BATCH);
        for (Delivery delivery : mongo.find(due, Delivery.class)) {
            try {
                attempt(delivery.id());
            }
            catch (RuntimeException e) {
                log.warn("Delivery {} could not be attempted", delivery.id(), e);
            }
        }
    }

    /** An editor sends a failed or dead-lettered delivery again now, with its attempts counted from zero. */
    public Optional<Delivery> retryNow(String id) {
        Delivery reset = mongo.findAndModify(
                new Query(Criteria.where("_id").is(id).and("status").in(Delivery.Status.FAILED, Delivery.Status.DEAD)),
                new Update().set("status", Delivery.Status.PENDING).set("attempts", 0)
                        .set("nextAttemptAt", clock.instant()),
                Delivery.class);
        if (reset == null) {
            return Optional.ofNullable(mongo.findById(id, Delivery.class));
        }
        attempt(id);
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    /** The deliveries of one item. */
    public List<Delivery> forItem(String qaId) {
        return mongo.find(new Query(Criteria.where("qaId").is(qaId)).with(Sort.by("outlet")), Delivery.class);
    }

    /** The latest deliveries, the newest first, of some states (all when none is given). */
    public List<Delivery> recent(List<Delivery.Status> statuses, int limit) {
        Query query = statuses.isEmpty() ? new Query() : new Query(Criteria.where("status").in(statuses));
        return mongo.find(query.with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id"))).limit(limit),
                Delivery.class);
    }

    /** How many deliveries each outlet has in each state. */
    public Map<String, Map<Delivery.Status, Long>> counts() {
        Map<String, Map<Delivery.Status, Long>> counts = new LinkedHashMap<>();
        for (String outlet : adapters.keySet()) {
            Map<Delivery.Status, Long> byStatus = new LinkedHashMap<>();
            for (Delivery.Status status : Delivery.Status.values()) {
                byStatus.put(status, mongo.count(new Query(Criteria.where("outlet").is(outlet).and("status")
                        .is(status)), Delivery.class));
            }
            counts.put(outlet, byStatus);
        }
        return counts;
    }

    void attempt(String id) {
        Instant now = clock.instant();
        Delivery delivery = mongo.findAndModify(new Query(Criteria.where("_id").is(id).andOperator(due(now))),
                new Update().set("status", Delivery.Status.SENDING).set("leaseUntil", now.plus(settings.lease()))
                        .set("lastAttemptAt", now),
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
        if (delivery == null) {
            return;
        }
        OutletAdapter adapter = adapters.get(delivery.outlet());
        if (adapter == null) {
            dead(delivery, "the outlet is no longer configured");
            return;
        }
        Optional<QaItem> item = items.find(delivery.qaId());
        if (item.isEmpty() || item.get().status() != QaStatus.PUBLISHED) {
            finish(delivery, new Update().set("status", Delivery.Status.CANCELLED)
                    .set("lastError", "the item is no longer published"));
            return;
        }
        PublishedItem published = published(item.get());
        try {
            String remoteId = Retry.decorateSupplier(retry, () -> adapter.deliver(current(delivery), published,
                    mediaId -> mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                            new Update().set("draftMediaId", mediaId), Delivery.class))).get();
            finish(delivery, new Update().set("status", Delivery.Status.SENT).set("sentAt", clock.instant())
                    .set("remoteId", remoteId).inc("attempts", 1).unset("lastError"));
            count(delivery.outlet(), "sent");
            log.info("Item {} delivered to {}", delivery.qaId(), delivery.outlet());
        }
        catch (OutletRejectedException refused) {
            dead(delivery, refused.getMessage());
        }
        catch (RuntimeException failed) {
            failed(delivery, failed.getMessage());
        }
    }

    private Delivery current(Delivery claimed) {
        return Optional.ofNullable(mongo.findById(claimed.id(), Delivery.class)).orElse(claimed);
    }

    private void failed(Delivery delivery, String error) {
        int attempts = delivery.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            dead(delivery, error);
            return;
        }
        Duration wait = settings.firstBackoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(settings.maxBackoff()) > 0) {
            wait = settings.maxBackoff();
        }
        finish(delivery, new Update().set("status", Delivery.Status.FAILED).set("attempts", attempts)
                .set("nextAttemptAt", clock.instant().plus(wait)).set("lastError", shorten(error)));
        count(delivery.outlet(), "failed");
        log.warn("Delivery of {} to {} failed (attempt {} of {}), tried again in {}: {}", delivery.qaId(),
                delivery.outlet(), attempts, settings.maxAttempts(), wait, error);
    }

    private void dead(Delivery delivery, String error) {
        finish(delivery, new Update().set("status", Delivery.Status.DEAD).inc("attempts", 1)
                .set("lastError", shorten(error)));
        count(delivery.outlet(), "dead");
        log.error("Delivery of {} to {} is on the dead-letter list: {}", delivery.qaId(), delivery.outlet(), error);
    }

    private void finish(Delivery delivery, Update update) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(delivery.id()).and("status").is(Delivery.Status.SENDING)),
                update.unset("leaseUntil"), Delivery.class);
    }

    private PublishedItem published(QaItem item) {
        return new PublishedItem(item.id(), item.postId(), PublicText.masked(item.question()),
                PublicText.masked(item.answer()), item.topic(), item.series(), PostForm.of(item).name(),
                item.publishedAt(), links.item(item.id()),
                audio.length(item.id()).isPresent() ? links.audio(item.id()) : null);
    }

    private Criteria due(Instant now) {
        return new Criteria().orOperator(
                Criteria.where("status").in(Delivery.Status.PENDING, Delivery.Status.FAILED).and("nextAttemptAt")
                        .lte(now),
                Criteria.where("status").is(Delivery.Status.SENDING).and("leaseUntil").lte(now));
    }

    private PublicationProperties.OutletKind kindOf(String outlet) {
        return adapters.get(outlet) instanceof WeChatOutlet ? PublicationProperties.OutletKind.WECHAT
                : PublicationProperties.OutletKind.WEBHOOK;
    }

    private void count(String outlet, String outcome) {
        Counter.builder("publication.deliveries").description("Deliveries of published items to outlets, by outcome")
                .tag("outlet", outlet).tag("outcome", outcome).register(meters).increment();
    }

    private static String shorten(String error) {
        if (error == null) {
            return "unknown error";
        }
        return error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) + "…" : error;
    }
}
