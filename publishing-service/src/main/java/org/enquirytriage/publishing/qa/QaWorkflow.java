package org.enquirytriage.publishing.qa;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.enquirytriage.personaldata.PersonalDataDetector;
import org.enquirytriage.publishing.config.PublishingProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Runs the editorial workflow of the Q&amp;A items: every step loads the item, refuses a stale version, applies the
 * step, adds its event to the item's outbox in the same save, has the relay send it to {@code qa-events} and tells
 * the application ({@link QaItemChanged}).
 */
@Service
public class QaWorkflow {

    private final QaItems items;
    private final CloudEventCodec codec;
    private final OutboxRelay relay;
    private final PersonalDataDetector detector = new PersonalDataDetector();
    private final PublishingProperties.Qa limits;
    private final ReviewDuties duties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    QaWorkflow(QaItems items, CloudEventCodec codec, OutboxRelay relay, PublishingProperties properties, Clock clock,
            ApplicationEventPublisher events) {
        this.items = items;
        this.codec = codec;
        this.relay = relay;
        this.limits = properties.qa();
        this.duties = new ReviewDuties(properties.review().separateDuties());
        this.clock = clock;
        this.events = events;
    }

    /**
     * Makes a new draft, announced with QaDrafted.
     *
     * @return the draft, or the item that already has this id
     */
    public QaItem create(String id, String question, String answer, String topic, String series, boolean urgent,
            String groupId, List<String> sourceCaseIds, int demand, Editor by) {
        QaItem item = QaItem.draft(id, question, answer, topic, series, urgent, groupId, sourceCaseIds, demand, by,
                clock.instant());
        item.outbox().add(codec.toOutbox(item.drafted()));
        if (!items.insert(item)) {
            return items.find(item.id()).orElseThrow();
        }
        relay.relay(QaItem.COLLECTION, item.id());
        events.publishEvent(new QaItemChanged(item.id(), item.status(), item.urgent()));
        return item;
    }

    public QaItem edit(String id, Long version, String question, String answer, String topic, String series,
            boolean urgent) {
        return change(id, version, item -> {
            item.edit(question, answer, topic, series, urgent, clock.instant());
            return null;
        });
    }

    public QaItem submit(String id, Long version, Editor by) {
        return change(id, version, item -> {
            item.submit(by, clock.instant());
            return null;
        });
    }

    public QaItem returnToDraft(String id, Long version, String note, Editor by) {
        return change(id, version, item -> {
            item.returnToDraft(note, by, clock.instant());
            return null;
        });
    }

    public QaItem check(String id, Long version, CheckKind kind, boolean passed, String note, Editor by) {
        return change(id, version, item -> {
            duties.requireMayCheck(item, kind, by);
            item.check(kind, passed, note, by, clock.instant());
            return null;
        });
    }

    /** Approves an item; the content is judged first, then (when duties are separate) who approves. */
    public QaItem approve(String id, Long version, Editor by) {
        return change(id, version, item -> {
            if (item.status() == QaStatus.IN_REVIEW && approvalProblems(item).isEmpty()) {
                duties.requireMayApprove(item, by);
            }
            return item.approve(detector, limits.maxQuestionLength(), limits.maxAnswerLength(), by, clock.instant());
        });
    }

    public QaItem schedule(String id, Long version, LocalDate date, Editor by) {
        return change(id, version, item -> {
            item.schedule(date, by, clock.instant());
            return null;
        });
    }

    public QaItem unschedule(String id, Long version, Editor by) {
        return change(id, version, item -> {
            item.unschedule(by, clock.instant());
            return null;
        });
    }

    /** Publishes an item in a post (the posts do this, for the editor's approval or the schedule). */
    public QaItem publish(String id, String postId, Editor by) {
        return change(id, null, item -> item.publish(postId, by, clock.instant()));
    }

    public QaItem retire(String id, Long version, String reason, Editor by) {
        return change(id, version, item -> item.retire(reason, by, clock.instant()));
    }

    /** What stands in the way of approving the item now, for the editor to see. */
    public List<String> approvalProblems(QaItem item) {
        return item.approvalProblems(detector, limits.maxQuestionLength(), limits.maxAnswerLength());
    }

    public Optional<QaItem> find(String id) {
        return items.find(id);
    }

    public QaItem get(String id) {
        return items.find(id).orElseThrow(() -> notFound(id));
    }

    private QaItem change(String id, Long version, Function<QaItem, DomainEvent> step) {
        QaItem item = get(id);
        if (version != null && !version.equals(item.version())) {
            throw new WorkflowConflictException("Changed by someone else", "Item " + id + " is at version "
                    + item.version() + ", the change was based on version " + version + "; load it again");
        }
        DomainEvent event = step.apply(item);
        if (event != null) {
            item.outbox().add(codec.toOutbox(event));
        }
        items.save(item);
        if (event != null) {
            relay.relay(QaItem.COLLECTION, item.id());
        }
        events.publishEvent(new QaItemChanged(item.id(), item.status(), item.urgent()));
        return get(id);
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No Q&A item " + id);
        problem.setTitle("Q&A item not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
