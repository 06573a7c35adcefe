package org.enquirytriage.gateway;

import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-memory mongo-java-server for the gateway's tests (the reactive driver talks to it over the wire); each
 * test class uses a database of its own: {@code registry.add("spring.data.mongodb.uri", () -> InMemoryMongo.uri("x"))}.
 */
final class InMemoryMongo {

    private static MongoServer server;

    private InMemoryMongo() {
    }

    static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("localhost", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://localhost:" + address.getPort() + "/" + database;
    }
}
