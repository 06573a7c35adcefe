package org.enquirytriage.triage.classification;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The stored training labels, one per reclassification event. */
@Component
public class TrainingLabels {

    private final MongoTemplate mongo;

    TrainingLabels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Keeps a label unless one from the same event is kept already.
     *
     * @return whether it was new
     */
    public boolean add(TrainingLabel label) {
        try {
            mongo.insert(label, TrainingLabel.COLLECTION);
            return true;
        }
        catch (DuplicateKeyException e) {
            return false;
        }
    }

    public long count() {
        return mongo.count(new Query(), TrainingLabel.COLLECTION);
    }

    /** Hands every label, oldest first, to the consumer without holding them all in memory. */
    public void forEach(Consumer<TrainingLabel> consumer) {
        try (Stream<TrainingLabel> labels = mongo.stream(new Query().with(Sort.by("at", "_id")), TrainingLabel.class,
                TrainingLabel.COLLECTION)) {
            labels.forEach(consumer);
        }
    }
}
