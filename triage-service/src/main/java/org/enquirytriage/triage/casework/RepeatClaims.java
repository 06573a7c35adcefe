package org.enquirytriage.triage.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import com.mongodb.bulk.BulkWriteError;

/**
 * Who is deciding about new cases of a citizen or a region right now (并单 across instances and consumer threads):
 * one document per repeat key in {@code repeat_claims}, whose unique id lets only one holder insert it. Whoever opens
 * a case claims its keys first and gives them back once the case is stored, so that anyone else about to open a case
 * with one of those keys waits and then sees it. A claim its holder never gave back (the process died) lapses after
 * the lease and is taken over.
 */
@Repository
class RepeatClaims {

    static final String COLLECTION = "repeat_claims";

    /** The longest pause between two tries to claim keys someone else holds. */
    private static final long LONGEST_PAUSE_MILLIS = 50;

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;

    RepeatClaims(MongoTemplate mongo, Clock clock, CaseworkProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = properties.merging().claimLease();
    }

    /**
     * Claims every one of some keys for a holder, waiting while others hold any of them: all or none, so that two
     * holders never wait for each other.
     *
     * @throws ConcurrentChangeException when they stayed held for twice the lease
     */
    void claimAll(Set<String> keys, String holder) {
        long giveUpAt = System.nanoTime() + 2 * lease.toNanos();
        while (true) {
            List<String> taken = tryClaim(keys, holder);
            if (taken.isEmpty()) {
                return;
            }
            release(keys, holder);
            if (System.nanoTime() > giveUpAt) {
                throw new ConcurrentChangeException("Repeat keys " + taken + " stayed claimed by others", null);
            }
            pause();
        }
    }

    /** Gives back what a holder claimed (not what another took over once its lease ran out). */
    void release(Collection<String> keys, String holder) {
        if (!keys.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(keys).and("holder").is(holder)), COLLECTION);
        }
    }

    /** Claims what it can of some keys, lapsed claims included; returns those others hold. */
    private List<String> tryClaim(Collection<String> keys, String holder) {
        List<String> taken = insert(keys, holder);
        if (taken.isEmpty()) {
            return taken;
        }
        Instant now = clock.instant();
        if (mongo.remove(new Query(Criteria.where("_id").in(taken).and("until").lt(Date.from(now))), COLLECTION)
                .getDeletedCount() == 0) {
            return taken;
        }
        return insert(taken, holder);
    }

    private List<String> insert(Collection<String> keys, String holder) {
        List<String> ordered = List.copyOf(keys);
        Date until = Date.from(clock.instant().plus(lease));
        BulkOperations claims = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        ordered.forEach(key -> claims.insert(new Document("_id", key).append("holder", holder).append("until", until)));
        try {
            claims.execute();
            return List.of();
        }
        catch (BulkOperationException someHeld) {
            List<String> taken = new ArrayList<>();
            for (BulkWriteError error : someHeld.getErrors()) {
                if (error.getCode() != 11000) {
                    throw someHeld;
                }
                taken.add(ordered.get(error.getIndex()));
            }
            return taken;
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, LONGEST_PAUSE_MILLIS));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentChangeException("Interrupted while waiting for repeat keys", null);
        }
    }
}
