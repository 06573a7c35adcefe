package org.enquirytriage.gateway.audit;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** The audit entries in MongoDB (collection {@code audit} of the gateway's database). */
@Repository
public class AuditLog {

    private final ReactiveMongoTemplate mongo;

    AuditLog(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the indexes the queries use. */
    public Mono<Void> prepare() {
        return mongo.indexOps(AuditEntry.class).ensureIndex(new Index("at", Sort.Direction.DESC).named("at"))
                .then(mongo.indexOps(AuditEntry.class)
                        .ensureIndex(new Index("user", Sort.Direction.ASC).on("at", Sort.Direction.DESC)
                                .named("user_at")))
                .then(mongo.indexOps(AuditEntry.class)
                        .ensureIndex(new Index("caseId", Sort.Direction.ASC).on("at", Sort.Direction.DESC)
                                .named("case_at")))
                .then();
    }

    Mono<AuditEntry> record(AuditEntry entry) {
        return mongo.insert(entry);
    }

    Mono<AuditPage> find(AuditQuery query) {
        Criteria criteria = new Criteria();
        if (query.user() != null) {
            criteria.and("user").is(query.user());
        }
        if (query.caseId() != null) {
            criteria.and("caseId").is(query.caseId());
        }
        if (query.from() != null || query.to() != null) {
            Criteria at = criteria.and("at");
            if (query.from() != null) {
                at.gte(query.from());
            }
            if (query.to() != null) {
                at.lt(query.to());
            }
        }
        Query count = Query.query(criteria);
        Query page = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("id")))
                .skip((long) query.page() * query.size())
                .limit(query.size());
        return mongo.count(count, AuditEntry.class)
                .zipWith(mongo.find(page, AuditEntry.class).collectList())
                .map(result -> new AuditPage(result.getT2(), query.page(), query.size(), result.getT1()));
    }

    /**
     * What to look for; {@code null} matches anything.
     *
     * @param user   the user's id
     * @param caseId the case
     * @param from   from this time (inclusive)
     * @param to     until this time (exclusive)
     * @param page   the page, from 0
     * @param size   the entries per page
     */
    record AuditQuery(String user, String caseId, Instant from, Instant to, int page, int size) {
    }
}
