package org.enquirytriage.publishing.mining;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The mining state in MongoDB, shared by every publishing instance: one document per group in
 * {@code mining_groups} (centroid, keys, places, arrivals, recent fingerprints, {@code version}) and one per
 * member in {@code mining_members}. A join is a single conditional update ({@code _id}, {@code version}, member not
 * yet in {@code arrivals.memberId}) with {@code $push}/{@code $addToSet}/{@code $inc}; a lost race matches nothing
 * and the caller re-reads. Centroids are kept as parallel lists, as map keys could hold characters MongoDB refuses.
 */
public final class MongoGroupStore implements GroupStore {

    private static final String GROUPS = "mining_groups";
    private static final String MEMBERS = "mining_members";
    private static final int BATCH_SIZE = 500;
    /** How many of the latest groups holding any of the keys are ranked by how many they hold. */
    private static final int SCAN = 500;

    private final MongoTemplate mongo;

    public MongoGroupStore(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(GROUPS).createIndex(new Index().on("keys", Sort.Direction.ASC).named("keys"));
        mongo.indexOps(GROUPS).createIndex(new Index().on("lastAt", Sort.Direction.DESC).named("latest"));
        mongo.indexOps(MEMBERS).createIndex(new Index().on("at", Sort.Direction.DESC).named("latest"));
    }

    @Override
    public boolean isMember(String messageId) {
        // a find by id, not exists(): that counts with an aggregation, which the stand-in store answers by scanning
        Query byId = Query.query(Criteria.where("_id").is(messageId));
        byId.fields().include("_id");
        return mongo.findOne(byId, org.bson.Document.class, MEMBERS) != null;
    }

    @Override
    public List<StoredGroup> candidates(Collection<String> keys, int limit) {
        Set<String> wanted = new HashSet<>(keys);
        Query matching = Query.query(Criteria.where("keys").in(wanted)).with(Sort.by(Sort.Direction.DESC, "lastAt"))
                .limit(SCAN);
        matching.fields().include("_id", "keys", "lastAt");
        record Match(String id, long hits, Instant lastAt) {
        }
        List<String> ids = mongo.find(matching, org.bson.Document.class, GROUPS).stream()
                .map(doc -> new Match(doc.getString("_id"),
                        doc.getList("keys", String.class).stream().filter(wanted::contains).count(),
                        doc.getDate("lastAt").toInstant()))
                .sorted(Comparator.comparingLong(Match::hits).reversed()
                        .thenComparing(Match::lastAt, Comparator.reverseOrder()).thenComparing(Match::id))
                .limit(limit).map(Match::id).toList();
        Query chosen = Query.query(Criteria.where("_id").in(ids));
        chosen.fields().exclude("arrivals");
        Map<String, StoredGroup> byId = new HashMap<>();
        mongo.find(chosen, GroupDocument.class, GROUPS).forEach(doc -> byId.put(doc.id(), doc.group()));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public Optional<StoredGroup> find(String groupId) {
        return Optional.ofNullable(mongo.findById(groupId, GroupDocument.class, GROUPS)).map(GroupDocument::group);
    }

    @Override
    public void create(StoredGroup group) {
        mongo.insert(GroupDocument.of(group), GROUPS);
    }

    @Override
    public boolean join(Join join) {
        Query query = Query.query(Criteria.where("_id").is(join.groupId()).and("version").is(join.expectedVersion())
                .and("arrivals.memberId").ne(join.arrival().memberId()));
        Update update = new Update().inc("version", 1).push("arrivals", join.arrival())
                .push("recent").slice(-join.recentLimit()).each(join.recent())
                .set("trigramCodes", join.trigrams().termList())
                .set("trigramWeights", join.trigrams().weightList())
                .set("bigramCodes", join.bigrams().termList())
                .set("bigramWeights", join.bigrams().weightList())
                .set("keys", join.keys()).max("lastAt", join.arrival().at());
        if (!join.places().isEmpty()) {
            update.addToSet("places").each(join.places().toArray());
        }
        if (!join.regions().isEmpty()) {
            update.addToSet("regions").each(join.regions().toArray());
        }
        if (join.question() != null) {
            update.set("question", join.question()).set("questionScore", join.questionScore())
                    .set("questionMemberId", join.questionMemberId());
        }
        return mongo.updateFirst(query, update, GROUPS).getModifiedCount() == 1;
    }

    @Override
    public boolean remember(GroupMember member) {
        try {
            mongo.insert(member, MEMBERS);
            return true;
        }
        catch (DuplicateKeyException recordedBefore) {
            return false;
        }
    }

    @Override
    public void place(String messageId, String groupId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(messageId)), Update.update("groupId", groupId),
                MEMBERS);
    }

    @Override
    public Optional<GroupMember> member(String messageId) {
        return Optional.ofNullable(mongo.findById(messageId, GroupMember.class, MEMBERS));
    }

    @Override
    public List<GroupMember> latestMembers(int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(limit).cursorBatchSize(BATCH_SIZE);
        return mongo.find(query, GroupMember.class, MEMBERS);
    }

    @Override
    public List<StoredGroup> latest(Instant since, int limit) {
        Query query = Query.query(Criteria.where("lastAt").gte(since)).with(Sort.by(Sort.Direction.DESC, "lastAt"))
                .limit(limit);
        return mongo.find(query, GroupDocument.class, GROUPS).stream().map(GroupDocument::group).toList();
    }

    @Override
    public Stream<StoredGroup> all() {
        return mongo.stream(new Query().cursorBatchSize(BATCH_SIZE), GroupDocument.class, GROUPS)
                .map(GroupDocument::group);
    }

    @Override
    public long count() {
        return mongo.estimatedCount(GROUPS);
    }

    /** A group as stored. */
    @Document(GROUPS)
    record GroupDocument(@Id String id, long version, List<Long> trigramCodes, List<Double> trigramWeights,
            List<Long> bigramCodes, List<Double> bigramWeights, List<String> keys, List<String> places,
            List<String> regions, String question, double questionScore, String questionMemberId,
            List<StoredGroup.Arrival> arrivals, List<StoredGroup.Recent> recent, Instant lastAt) {

        static GroupDocument of(StoredGroup group) {
            return new GroupDocument(group.id(), group.version(), group.trigrams().termList(),
                    group.trigrams().weightList(), group.bigrams().termList(), group.bigrams().weightList(),
                    group.keys(), List.copyOf(group.places()), List.copyOf(group.regions()), group.question(), group.questionScore(), group.questionMemberId(),
                    group.arrivals(), group.recent(), group.lastAt());
        }

        StoredGroup group() {
            return new StoredGroup(id, version, SparseVector.of(trigramCodes, trigramWeights),
                    SparseVector.of(bigramCodes, bigramWeights), orEmpty(keys), new HashSet<>(orEmpty(places)), new HashSet<>(orEmpty(regions)), question,
                    questionScore, questionMemberId, orEmpty(arrivals), orEmpty(recent), lastAt);
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
