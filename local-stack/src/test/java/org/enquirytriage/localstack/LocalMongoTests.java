package org.enquirytriage.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoTests {

    @TempDir
    Path dataDirectory;

    @Test
    void shouldKeepDocumentsAcrossARestart() throws Exception {
        LocalMongo.Settings settings = new LocalMongo.Settings(dataDirectory.resolve("mongo/mongo.mv"), FreePorts.next());

        try (LocalMongo mongo = LocalMongo.start(settings); MongoClient client = MongoClients.create(mongo.connectionString())) {
            enquiries(client).insertOne(new Document("_id", "E-1").append("text", "When is the pension paid?"));
        }

        try (LocalMongo mongo = LocalMongo.start(settings); MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(enquiries(client).find(Filters.eq("_id", "E-1")).first())
                    .containsEntry("text", "When is the pension paid?");
        }
    }

    private static MongoCollection<Document> enquiries(MongoClient client) {
        return client.getDatabase("intake").getCollection("enquiries");
    }
}
