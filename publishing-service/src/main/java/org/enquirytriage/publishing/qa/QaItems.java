package org.enquirytriage.publishing.qa;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/** The Q&amp;A items in the {@code qa_items} collection. */
@Repository
public class QaItems {

    private static final String STATUS = "status";
    private static final Sort BY_DEMAND = Sort.by(Sort.Order.desc("urgent"), Sort.Order.desc("demand"),
            Sort.Order.asc("approvedAt"), Sort.Order.asc("_id"));

    private final MongoTemplate mongo;

    QaItems(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        var indexes = mongo.indexOps(QaItem.class);
        indexes.createIndex(new Index().on(STATUS, Sort.Direction.ASC).on("demand", Sort.Direction.DESC)
                .named("status_demand"));
        indexes.createIndex(new Index().on("groupId", Sort.Direction.ASC).named("group"));
        indexes.createIndex(new Index().on("sourceCaseIds", Sort.Direction.ASC).named("source_cases"));
    }

    public Optional<QaItem> find(String id) {
        return Optional.ofNullable(mongo.findById(id, QaItem.class));
    }

    /** Inserts a new item; answers {@code false} when one with its id exists already. */
    boolean insert(QaItem item) {
        try {
            mongo.insert(item);
            return true;
        }
        catch (DuplicateKeyException exists) {
            return false;
        }
    }

    /** Saves a changed item, unless someone else saved it since it was read. */
    void save(QaItem item) {
        try {
            mongo.save(item);
        }
        catch (OptimisticLockingFailureException stale) {
            throw new WorkflowConflictException("Changed by someone else",
                    "Item " + item.id() + " was changed by someone else since it was read; load it again");
        }
    }

    /** The items in one of the states (all when none is given), the most asked first. */
    public List<QaItem> list(List<QaStatus> statuses, int limit) {
        Query query = statuses.isEmpty() ? new Query() : new Query(Criteria.where(STATUS).in(statuses));
        return mongo.find(query.with(BY_DEMAND).limit(limit), QaItem.class);
    }

    /**
     * The items waiting for a post on a day: the urgent ones first, then those scheduled for it or before, then the
     * approved ones, each by demand.
     */
    public List<QaItem> waitingFor(LocalDate day, String series, int limit) {
        Criteria criteria = new Criteria().orOperator(Criteria.where(STATUS).is(QaStatus.APPROVED),
                Criteria.where(STATUS).is(QaStatus.SCHEDULED).and("scheduledFor").lte(day));
        if (series != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("series").is(series));
        }
        List<QaItem> waiting = mongo.find(new Query(criteria).with(BY_DEMAND), QaItem.class);
        Comparator<QaItem> urgentThenScheduled = Comparator.comparing((QaItem item) -> !item.urgent())
                .thenComparing(item -> item.status() != QaStatus.SCHEDULED);
        return waiting.stream().sorted(urgentThenScheduled).limit(limit).toList();
    }

    public List<QaItem> published() {
        return mongo.find(new Query(Criteria.where(STATUS).is(QaStatus.PUBLISHED)), QaItem.class);
    }

    public List<QaItem> byIds(List<String> ids) {
        return mongo.find(new Query(Criteria.where("_id").in(ids)), QaItem.class);
    }

    Optional<QaItem> byGroup(String groupId) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("groupId").is(groupId)), QaItem.class));
    }

    List<QaItem> draftsFromCase(String caseId) {
        return mongo.find(new Query(Criteria.where("sourceCaseIds").is(caseId).and(STATUS).is(QaStatus.DRAFT)),
                QaItem.class);
    }

    /** Sets how many citizens asked, and the cases they asked in, as the group grows. */
    void updateDemand(String id, int demand, List<String> sourceCaseIds) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                new Update().max("demand", demand).addToSet("sourceCaseIds").each(sourceCaseIds.toArray()),
                QaItem.class);
    }
}
