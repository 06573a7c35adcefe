package org.enquirytriage.intake.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/** The stored deliveries; an instance takes a due one by moving its next attempt on, so no two send it at once. */
@Repository
class Deliveries {

    private static final String STATE = "state";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";

    private final MongoTemplate mongo;

    Deliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void ensureIndexes() {
        mongo.indexOps(Delivery.class).ensureIndex(new Index().named("state_nextAttemptAt")
                .on(STATE, Sort.Direction.ASC).on(NEXT_ATTEMPT_AT, Sort.Direction.ASC));
    }

    /** Stores a new delivery; {@code false} when there is one for this answer already. */
    boolean insert(Delivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    /**
     * Takes the next delivery by this method that is due (pending or failed, its next attempt now or earlier) and
     * holds it until {@code heldUntil}.
     */
    Optional<Delivery> takeDue(DeliveryMethod method, Instant now, Instant heldUntil) {
        Query due = new Query(Criteria.where("method").is(method)
                .and(STATE).in(DeliveryState.PENDING, DeliveryState.FAILED).and(NEXT_ATTEMPT_AT).lte(now))
                .with(Sort.by(NEXT_ATTEMPT_AT));
        return Optional.ofNullable(mongo.findAndModify(due, new Update().set(NEXT_ATTEMPT_AT, heldUntil),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    /** Records an attempt's outcome, unless the delivery was completed or taken by someone else meanwhile. */
    boolean recordAttempt(Delivery taken, DeliveryState state, String lastError, Instant now, Instant nextAttemptAt) {
        Update update = new Update().set(STATE, state).inc("attempts", 1).set("lastError", lastError)
                .set("updatedAt", now).set(NEXT_ATTEMPT_AT, nextAttemptAt);
        if (state == DeliveryState.DELIVERED) {
            update.set("deliveredAt", now);
        }
        return mongo.updateFirst(new Query(Criteria.where("_id").is(taken.id()).and(STATE).is(taken.state())
                .and(NEXT_ATTEMPT_AT).is(taken.nextAttemptAt())), update, Delivery.class).getModifiedCount() == 1;
    }

    /** Completes a pending or failed delivery by hand; {@code false} when it is not open. */
    boolean complete(String id, String by, Instant now) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(id)
                        .and(STATE).in(DeliveryState.PENDING, DeliveryState.FAILED)),
                new Update().set(STATE, DeliveryState.DELIVERED).set("deliveredAt", now).set("updatedAt", now)
                        .set("completedBy", by), Delivery.class).getModifiedCount() == 1;
    }

    /** Makes a failed delivery due at once. */
    boolean retryNow(String id, Instant now) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(id).and(STATE).is(DeliveryState.FAILED)),
                new Update().set(STATE, DeliveryState.PENDING).set(NEXT_ATTEMPT_AT, now).set("updatedAt", now),
                Delivery.class).getModifiedCount() == 1;
    }

    /** The deliveries in a state, optionally by one method, oldest first. */
    List<Delivery> list(DeliveryState state, DeliveryMethod method, int limit) {
        Criteria criteria = Criteria.where(STATE).is(state);
        if (method != null) {
            criteria = criteria.and("method").is(method);
        }
        return mongo.find(new Query(criteria).with(Sort.by("createdAt")).limit(limit), Delivery.class);
    }
}
