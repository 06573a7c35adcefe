package org.enquirytriage.publishing.posts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.qa.Editor;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaItemChanged;
import org.enquirytriage.publishing.qa.QaItems;
import org.enquirytriage.publishing.qa.QaStatus;
import org.enquirytriage.publishing.qa.QaWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

/**
 * Makes the posts: the day's post of up to N waiting items in order of demand, on working days of the business
 * calendar only; a post of one series; and an urgent item's own post the moment it is approved. A post is first
 * written under its key, then its items are published one by one, so a post made twice (two instances, a restart
 * half-way) publishes each item once and finishes what was left.
 */
@Service
public class Poster {

    private static final Logger log = LoggerFactory.getLogger(Poster.class);

    private final MongoTemplate mongo;
    private final QaItems items;
    private final QaWorkflow workflow;
    private final BusinessCalendar calendar;
    private final PublishingProperties.Posts settings;
    private final Clock clock;
    private final ItemRanking ranking;

    Poster(MongoTemplate mongo, QaItems items, QaWorkflow workflow, BusinessCalendar calendar,
            PublishingProperties properties, Clock clock, ObjectProvider<ItemRanking> ranking) {
        this.mongo = mongo;
        this.items = items;
        this.workflow = workflow;
        this.calendar = calendar;
        this.settings = properties.posts();
        this.clock = clock;
        this.ranking = ranking.getIfAvailable(() -> ItemRanking.DEMAND);
    }

    /**
     * The day's post, made once: empty when the day is no working day or nothing is waiting.
     */
    public Optional<Post> daily(LocalDate day) {
        if (!calendar.isWorkingDay(day)) {
            log.info("No post on {}: not a working day", day);
            return Optional.empty();
        }
        return post("daily-" + day, Post.Kind.DAILY, day, null);
    }

    /** A post of one series for the day, made once. */
    public Optional<Post> series(LocalDate day, String series) {
        return post("daily-" + day + "-" + series, Post.Kind.SERIES, day, series);
    }

    /** An urgent item jumps the queue: it is published in a post of its own as soon as it is approved. */
    @EventListener
    void on(QaItemChanged changed) {
        if (changed.urgent() && changed.status() == QaStatus.APPROVED) {
            LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
            Post post = new Post("urgent-" + changed.id(), Post.Kind.URGENT, today, null, List.of(changed.id()),
                    clock.instant());
            insertOrFind(post);
            publishAll(post);
            log.info("Urgent item {} published at once in post {}", changed.id(), post.id());
        }
    }

    private Optional<Post> post(String id, Post.Kind kind, LocalDate day, String series) {
        Post existing = mongo.findById(id, Post.class);
        if (existing == null) {
            List<String> waiting = ranked(day, series).stream().map(QaItem::id).toList();
            if (waiting.isEmpty()) {
                log.info("No post {}: nothing approved is waiting", id);
                return Optional.empty();
            }
            existing = insertOrFind(new Post(id, kind, day, series, waiting, clock.instant()));
        }
        publishAll(existing);
        return Optional.of(existing);
    }

    private Post insertOrFind(Post post) {
        try {
            return mongo.insert(post);
        }
        catch (DuplicateKeyException madeAlready) {
            return mongo.findById(post.id(), Post.class);
        }
    }

    private void publishAll(Post post) {
        for (String itemId : post.itemIds()) {
            items.find(itemId).filter(item -> item.status() == QaStatus.APPROVED
                    || item.status() == QaStatus.SCHEDULED)
                    .ifPresent(item -> workflow.publish(item.id(), post.id(), Editor.SYSTEM));
        }
    }

    /** The latest posts, newest first. */
    public List<Post> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Order.desc("createdAt"))).limit(limit), Post.class);
    }

    /** When the next daily post is due: the next run of the cron that falls on a working day. */
    public ZonedDateTime nextDailyPost() {
        CronExpression cron = CronExpression.parse(settings.cron());
        ZonedDateTime at = ZonedDateTime.now(clock.withZone(settings.zone()));
        for (int i = 0; i < 400; i++) {
            at = cron.next(at);
            if (at == null) {
                break;
            }
            if (calendar.isWorkingDay(at.toLocalDate())) {
                return at;
            }
        }
        return LocalDateTime.of(calendar.nextWorkingDay(LocalDate.now(clock.withZone(settings.zone()))),
                LocalTime.of(7, 0)).atZone(settings.zone());
    }

    /** What the next daily post would hold now. */
    public List<QaItem> queue(LocalDate day) {
        return ranked(day, null);
    }

    /**
     * The items a post of the day takes: urgent ones first, then those scheduled for it, then the others, each
     * group by the ranking's score (demand unless another ranking is configured), at most {@code max-items}.
     */
    private List<QaItem> ranked(LocalDate day, String series) {
        List<QaItem> waiting = items.waitingFor(day, series, Integer.MAX_VALUE);
        Map<String, Double> scores = new HashMap<>();
        waiting.forEach(item -> scores.put(item.id(), ranking.score(item)));
        Comparator<QaItem> order = Comparator.comparing((QaItem item) -> !item.urgent())
                .thenComparing(item -> item.status() != QaStatus.SCHEDULED)
                .thenComparing(item -> -scores.get(item.id()));
        return waiting.stream().sorted(order).limit(settings.maxItems()).toList();
    }
}
