package org.enquirytriage.intake.enquiry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteError;

import jakarta.annotation.PostConstruct;

/** The stored enquiries, at most one per channel and external id. */
@Repository
class Enquiries {

    static final String CHANNEL_EXTERNAL_ID_INDEX = "channel_externalId";

    private static final String PROGRESS = "progress";
    private static final String REVISION = "progress.revision";
    private static final String ID_REVISION_INDEX = "id_revision";

    private final MongoTemplate mongo;

    Enquiries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Makes sure a channel's message is stored once, however many instances receive it at the same time. */
    @PostConstruct
    void ensureIndexes() {
        mongo.indexOps(Enquiry.class).ensureIndex(new Index().named(CHANNEL_EXTERNAL_ID_INDEX)
                .on("channel", Sort.Direction.ASC).on("externalId", Sort.Direction.ASC).unique());
        // unique anyway, as _id is; it is there for the stand-in store, which uses an index only for a query on
        // exactly its fields and would scan every enquiry for each change of progress (see replaceProgress)
        mongo.indexOps(Enquiry.class).ensureIndex(new Index().named(ID_REVISION_INDEX)
                .on("_id", Sort.Direction.ASC).on(REVISION, Sort.Direction.ASC).unique());
        mongo.indexOps(Enquiry.class).ensureIndex(new Index().named("progress_caseId")
                .on("progress.caseId", Sort.Direction.ASC));
        mongo.indexOps(Enquiry.class).ensureIndex(new Index().named("channel_receivedAt")
                .on("channel", Sort.Direction.ASC).on("receivedAt", Sort.Direction.DESC));
    }

    /**
     * Stores a new enquiry together with its outbox in one write.
     *
     * @throws DuplicateKeyException when the channel's message is already stored
     */
    void insert(Enquiry enquiry) {
        mongo.insert(enquiry);
    }

    /**
     * Stores new enquiries, each with its outbox, in one unordered bulk insert: every one is tried, whatever became of
     * the others, and each is still one single-document write.
     *
     * @return the positions in {@code batch} of the enquiries not stored because their channel's message was stored
     *         already (by an earlier request or an earlier enquiry of the batch)
     * @throws BulkOperationException when an enquiry failed for any other reason (the others may be stored)
     */
    Set<Integer> insertAll(List<Enquiry> batch) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Enquiry.class).insert(batch).execute();
            return Set.of();
        }
        catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            return e.getErrors().stream().map(BulkWriteError::getIndex).collect(Collectors.toUnmodifiableSet());
        }
    }

    Optional<Enquiry> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Enquiry.class));
    }

    Optional<Enquiry> findByChannelAndExternalId(String channel, String externalId) {
        return Optional.ofNullable(mongo.findOne(
                new Query(Criteria.where("channel").is(channel).and("externalId").is(externalId)), Enquiry.class));
    }

    /** The enquiries whose progress follows a case: its own enquiry and those merged into it. */
    List<Enquiry> findByCase(String caseId) {
        return mongo.find(new Query(Criteria.where("progress.caseId").is(caseId)), Enquiry.class);
    }

    /**
     * Replaces an enquiry's progress, and adds an event to its outbox in the same write, unless someone changed
     * the progress since it was read.
     *
     * @return whether it was replaced; {@code false} means read again and retry
     */
    boolean replaceProgress(Enquiry read, Progress next, OutboxMessage event) {
        // exactly the fields of the unique index ID_REVISION_INDEX; null matches a progress never changed
        Query unchanged = new Query(Criteria.where("_id").is(read.id()).and(REVISION).is(read.progress().revision()));
        Update update = new Update().set(PROGRESS, next);
        if (event != null) {
            update.push("outbox", event);
        }
        return mongo.updateFirst(unchanged, update, Enquiry.class).getModifiedCount() == 1;
    }

    /**
     * The enquiries of a channel received in a time range, newest first.
     *
     * @param detail the name of a channel detail to filter on, with {@code detailValues}; {@code null} for none
     * @param statuses the statuses to find; empty for all
     */
    List<Enquiry> find(String channel, String detail, Collection<String> detailValues,
            Collection<EnquiryStatus> statuses, Instant from, Instant to, int limit) {
        Criteria criteria = Criteria.where("channel").is(channel).and("receivedAt").gte(from).lte(to);
        if (detail != null && !detailValues.isEmpty()) {
            criteria = criteria.and("details." + detail).in(detailValues);
        }
        if (!statuses.isEmpty()) {
            criteria = criteria.and("progress.status").in(statuses.stream().map(Enum::name).toList());
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit),
                Enquiry.class);
    }

    List<Enquiry> findByIds(String channel, List<String> ids) {
        return mongo.find(new Query(Criteria.where("channel").is(channel).and("_id").in(ids))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")), Enquiry.class);
    }
}
