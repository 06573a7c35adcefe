package org.enquirytriage.intake.enquiry;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import jakarta.annotation.PostConstruct;

/** The stored enquiries, at most one per channel and external id. */
@Repository
class Enquiries {

    static final String CHANNEL_EXTERNAL_ID_INDEX = "channel_externalId";

    private final MongoTemplate mongo;

    Enquiries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Makes sure a channel's message is stored once, however many instances receive it at the same time. */
    @PostConstruct
    void ensureIndexes() {
        mongo.indexOps(Enquiry.class).ensureIndex(new Index().named(CHANNEL_EXTERNAL_ID_INDEX)
                .on("channel", Sort.Direction.ASC).on("externalId", Sort.Direction.ASC).unique());
    }

    /**
     * Stores a new enquiry together with its outbox in one write.
     *
     * @throws DuplicateKeyException when the channel's message is already stored
     */
    void insert(Enquiry enquiry) {
        mongo.insert(enquiry);
    }

    Optional<Enquiry> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Enquiry.class));
    }

    Optional<Enquiry> findByChannelAndExternalId(String channel, String externalId) {
        return Optional.ofNullable(mongo.findOne(
                new Query(Criteria.where("channel").is(channel).and("externalId").is(externalId)), Enquiry.class));
    }
}
