package org.enquirytriage.publishing.mining;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Keeps the members of the groups in MongoDB ({@code group_members}), with their features, so that a restart
 * rebuilds the groups, their centroids and the retrieval index exactly as they were.
 */
final class MongoGroupStore implements GroupStore {

    private static final int MEMBER_BATCH_SIZE = 1000;

    private final MongoTemplate mongo;

    MongoGroupStore(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(MemberDocument.class);
        indexes.createIndex(new Index().on("at", Sort.Direction.ASC).named("oldest_first"));
        indexes.createIndex(new Index().on("groupId", Sort.Direction.ASC).named("group"));
    }

    @Override
    public boolean contains(String memberId) {
        // a find by id, not exists(): that counts with an aggregation, which the stand-in store answers by scanning
        Query byId = Query.query(Criteria.where("_id").is(memberId));
        byId.fields().include("_id");
        return mongo.findOne(byId, org.bson.Document.class, mongo.getCollectionName(MemberDocument.class)) != null;
    }

    @Override
    public boolean add(Member member) {
        try {
            mongo.insert(MemberDocument.of(member));
            return true;
        }
        catch (DuplicateKeyException alreadyGrouped) {
            return false;
        }
    }

    @Override
    public void forEachMember(Consumer<Member> action) {
        // in batches: without a batch size the stand-in store answers with every member in one reply, which grows
        // past the driver's 48 MB limit after some thousand members and stopped the service from starting
        Query query = new Query().with(Sort.by("at", "_id")).cursorBatchSize(MEMBER_BATCH_SIZE);
        try (var members = mongo.stream(query, MemberDocument.class)) {
            members.map(MemberDocument::member).forEach(action);
        }
    }

    /** A member as stored: the features as parallel lists, as map keys could hold characters MongoDB refuses. */
    @Document("group_members")
    record MemberDocument(@Id String id, String groupId, String subject, String text, String citizenKey,
            String countKey, String topic, Instant at, List<String> words, List<Integer> wordCounts,
            List<String> bigrams, List<Integer> bigramCounts, List<String> places, List<String> regions) {

        static MemberDocument of(Member member) {
            Features features = member.features();
            return new MemberDocument(member.id(), member.groupId(), member.subject(), member.text(),
                    member.citizenKey(), member.countKey(), member.topic(), member.at(),
                    new ArrayList<>(features.words().keySet()),
                    features.words().keySet().stream().map(features.words()::get).toList(),
                    new ArrayList<>(features.bigrams().keySet()),
                    features.bigrams().keySet().stream().map(features.bigrams()::get).toList(),
                    List.copyOf(features.places()), List.copyOf(features.regions()));
        }

        Member member() {
            return new Member(id, groupId, subject, text, citizenKey, countKey, topic, at,
                    new Features(counts(words, wordCounts), counts(bigrams, bigramCounts),
                            new HashSet<>(places == null ? List.of() : places),
                            new HashSet<>(regions == null ? List.of() : regions)));
        }

        private static Map<String, Integer> counts(List<String> terms, List<Integer> counts) {
            Map<String, Integer> map = new HashMap<>();
            if (terms != null) {
                for (int i = 0; i < terms.size(); i++) {
                    map.put(terms.get(i), counts.get(i));
                }
            }
            return map;
        }
    }
}
