package org.enquirytriage.triage.classification;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The decisions of the learning loop, kept for administrators to see. */
@Component
public class ModelDecisions {

    private final MongoTemplate mongo;

    ModelDecisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void add(ModelDecision decision) {
        mongo.insert(decision, ModelDecision.COLLECTION);
    }

    /** The latest decisions, newest first. */
    public List<ModelDecision> latest(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "decidedAt", "_id")).limit(limit),
                ModelDecision.class, ModelDecision.COLLECTION);
    }
}
