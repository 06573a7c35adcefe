package org.enquirytriage.triage.classification;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;
import org.enquirytriage.classifier.LabelModel;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The models the learning loop promoted, kept in MongoDB (one document per model, its file as written by
 * {@link LabelModel#save}), so that every instance takes up the newest of each label and a restart keeps it.
 */
@Component
public class PromotedModels {

    static final String COLLECTION = "promoted_models";

    private final MongoTemplate mongo;

    PromotedModels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void add(LabelModel model, String decisionId, Instant promotedAt) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            model.save(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not write the model " + model.version(), e);
        }
        mongo.insert(new Document("_id", model.version()).append("label", model.label())
                .append("promotedAt", Date.from(promotedAt)).append("decisionId", decisionId)
                .append("file", new Binary(file.toByteArray())), COLLECTION);
    }

    /** The version of the newest promoted model of a label, if any was promoted. */
    Optional<String> newestVersion(String label) {
        Query query = Query.query(Criteria.where("label").is(label))
                .with(Sort.by(Sort.Direction.DESC, "promotedAt", "_id")).limit(1);
        query.fields().include("_id");
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(d -> d.getString("_id"));
    }

    /**
     * Reads a promoted model.
     *
     * @throws IOException when its file is not a valid model
     */
    Optional<LabelModel> load(String version) throws IOException {
        Document stored = mongo.findById(version, Document.class, COLLECTION);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(LabelModel.load(new ByteArrayInputStream(stored.get("file", Binary.class).getData())));
    }
}
