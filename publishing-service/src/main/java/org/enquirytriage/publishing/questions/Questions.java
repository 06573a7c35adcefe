package org.enquirytriage.publishing.questions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.springframework.util.StringUtils;

import jakarta.annotation.PostConstruct;

/** The recorded questions, one per case, in the {@code questions} collection. */
@Repository
public class Questions {

    private static final String OPENED_AT = "openedAt";
    private static final String ANSWERED_AT = "answeredAt";
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc(OPENED_AT), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;

    Questions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        var indexes = mongo.indexOps(Question.class);
        indexes.createIndex(new Index().on(OPENED_AT, Sort.Direction.DESC).named("newest"));
        indexes.createIndex(new Index().on("topic", Sort.Direction.ASC).on(OPENED_AT, Sort.Direction.DESC)
                .named("topic_newest"));
    }

    /**
     * Records a question unless one is already recorded for its case.
     *
     * @return whether the question was new
     */
    boolean record(Question question) {
        try {
            mongo.insert(question);
            return true;
        }
        catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }

    /**
     * Sets the answer of a question, unless the question is unknown or already holds a later answer.
     *
     * @return whether a question took the answer
     */
    boolean answer(String caseId, String answer, Instant answeredAt, boolean qaCandidate) {
        Query query = new Query(Criteria.where("_id").is(caseId).orOperator(
                Criteria.where(ANSWERED_AT).is(null), Criteria.where(ANSWERED_AT).lte(answeredAt)));
        Update update = new Update().set("answer", answer).set(ANSWERED_AT, answeredAt)
                .set("qaCandidate", qaCandidate);
        return mongo.updateFirst(query, update, Question.class).getMatchedCount() > 0;
    }

    public Optional<Question> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, Question.class));
    }

    /** The questions of these cases that were answered. */
    public List<Question> answered(List<String> caseIds) {
        return mongo.find(new Query(Criteria.where("_id").in(caseIds).and("answer").ne(null)), Question.class);
    }

    /** The most recently opened questions, newest first, of one topic or of all when the topic is blank. */
    public List<Question> recent(String topic, int limit) {
        Query query = StringUtils.hasText(topic) ? new Query(Criteria.where("topic").is(topic)) : new Query();
        return mongo.find(query.with(NEWEST_FIRST).limit(limit), Question.class);
    }
}
