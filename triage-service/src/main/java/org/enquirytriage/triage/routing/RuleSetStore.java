package org.enquirytriage.triage.routing;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The versions of the routing rules in MongoDB, one document per version with the version number as its id: a
 * version is only ever inserted, so two editors who both change version {@code n} cannot both write {@code n + 1}.
 */
final class RuleSetStore {

    private final MongoTemplate mongo;

    RuleSetStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<RuleSetVersion> latest() {
        return Optional.ofNullable(mongo.findOne(new Query().with(newestFirst()).limit(1), RuleSetVersion.class));
    }

    /** The number of the newest version, 0 when there is none; reads nothing but the number. */
    int latestVersion() {
        Query query = new Query().with(newestFirst()).limit(1);
        query.fields().include("_id");
        RuleSetVersion newest = mongo.findOne(query, RuleSetVersion.class);
        return newest == null ? 0 : newest.version();
    }

    Optional<RuleSetVersion> find(int version) {
        return Optional.ofNullable(mongo.findById(version, RuleSetVersion.class));
    }

    /** The versions, newest first, a page at a time. */
    List<RuleSetVersion> page(int page, int size) {
        return mongo.find(new Query().with(newestFirst()).skip((long) page * size).limit(size),
                RuleSetVersion.class);
    }

    long count() {
        return mongo.count(new Query(), RuleSetVersion.class);
    }

    /**
     * Writes a new version.
     *
     * @return {@code false} when that version exists already: someone else wrote it first
     */
    boolean insert(RuleSetVersion version) {
        try {
            mongo.insert(version);
            return true;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static Sort newestFirst() {
        return Sort.by(Sort.Direction.DESC, "_id");
    }
}
