package org.enquirytriage.publishing.surges;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Surge counts in MongoDB ({@code surge_hits}: one document per message and subject), shared by every instance, so
 * that the window and the baseline count the messages all instances saw. A redelivered message is counted once.
 */
public final class MongoSurgeCounts implements SurgeCounts {

    private static final String HITS = "surge_hits";

    private final MongoTemplate mongo;

    public MongoSurgeCounts(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(HITS).createIndex(new Index().on("key", Sort.Direction.ASC).on("at", Sort.Direction.ASC)
                .named("key_at"));
    }

    private record HitDocument(String id, String key, String messageId, Instant at, String department) {
    }

    @Override
    public void add(String key, Hit hit) {
        try {
            mongo.insert(new HitDocument(key + "|" + hit.messageId(), key, hit.messageId(), hit.at(),
                    hit.department()), HITS);
        }
        catch (DuplicateKeyException countedBefore) {
            // the same message under the same subject: counted once
        }
    }

    @Override
    public List<Hit> since(String key, Instant since) {
        Query query = Query.query(Criteria.where("key").is(key).and("at").gte(since)).with(Sort.by("at", "messageId"));
        return mongo.find(query, HitDocument.class, HITS).stream()
                .map(hit -> new Hit(hit.messageId(), hit.at(), hit.department())).toList();
    }

    @Override
    public Map<Long, Integer> perHour(String key, long fromHour, long toHour) {
        Query query = Query.query(Criteria.where("key").is(key).and("at").gte(Instant.ofEpochSecond(fromHour * 3600))
                .lt(Instant.ofEpochSecond(toHour * 3600)));
        query.fields().include("at");
        Map<Long, Integer> hours = new HashMap<>();
        mongo.find(query, org.bson.Document.class, HITS)
                .forEach(hit -> hours.merge(hit.getDate("at").getTime() / 3_600_000, 1, Integer::sum));
        return hours;
    }

    @Override
    public void forgetBefore(Instant horizon) {
        mongo.remove(Query.query(Criteria.where("at").lt(horizon)), HITS);
    }
}
