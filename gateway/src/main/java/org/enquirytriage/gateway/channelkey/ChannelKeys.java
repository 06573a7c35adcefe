package org.enquirytriage.gateway.channelkey;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The channel keys in MongoDB (collection {@code channel_keys}). */
@Repository
class ChannelKeys {

    private final ReactiveMongoTemplate mongo;

    ChannelKeys(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> ensureIndexes() {
        return mongo.indexOps(ChannelKey.class)
                .ensureIndex(new Index("keyHash", Sort.Direction.ASC).unique().named("key_hash"))
                .then();
    }

    Mono<ChannelKey> insert(ChannelKey key) {
        return mongo.insert(key);
    }

    Mono<ChannelKey> byHash(String keyHash) {
        return mongo.findOne(Query.query(Criteria.where("keyHash").is(keyHash)), ChannelKey.class);
    }

    Mono<ChannelKey> byId(String id) {
        return mongo.findById(id, ChannelKey.class);
    }

    Flux<ChannelKey> all() {
        return mongo.find(new Query().with(Sort.by("createdAt", "id")), ChannelKey.class);
    }

    Mono<Void> revoke(String id, String by, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("id").is(id).and("revokedAt").is(null)),
                new Update().set("revokedAt", at).set("revokedBy", by), ChannelKey.class).then();
    }
}
