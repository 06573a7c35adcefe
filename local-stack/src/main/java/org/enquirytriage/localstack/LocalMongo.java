package org.enquirytriage.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible store (mongo-java-server with its H2 backend) that keeps its data in one file
 * across restarts.
 */
public final class LocalMongo implements AutoCloseable {

    static final String USAGE = """
            usage: LocalMongo [DATA_FILE] [--port=N]
              DATA_FILE  default .local/data/mongo/mongo.mv
              --port     env MONGODB_PORT, default 27017""";

    private static final Logger log = LoggerFactory.getLogger(LocalMongo.class);

    private final Settings settings;

    private final MongoServer server;

    private final CountDownLatch stopped = new CountDownLatch(1);

    private LocalMongo(Settings settings, MongoServer server) {
        this.settings = settings;
        this.server = server;
    }

    /**
     * Starts the store and keeps it running until the process receives SIGTERM or SIGINT.
     */
    public static void main(String[] args) throws InterruptedException {
        Settings settings;
        try {
            settings = Settings.from(Arguments.parse(args, Set.of("port"), System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        LocalMongo mongo;
        try {
            mongo = start(settings);
        } catch (Exception e) {
            log.error("LocalMongo failed to start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::close, "local-mongo-shutdown"));
        mongo.stopped.await();
    }

    static LocalMongo start(Settings settings) throws Exception {
        Files.createDirectories(settings.dataFile().toAbsolutePath().getParent());
        MongoServer server = new MongoServer(new H2Backend(settings.dataFile().toString()));
        server.bind("localhost", settings.port());
        log.info("LocalMongo ready: {}, data in {}", settings.connectionString(), settings.dataFile());
        return new LocalMongo(settings, server);
    }

    String connectionString() {
        return settings.connectionString();
    }

    /**
     * Disconnects the clients and closes the H2 store, which writes everything still in memory to the file.
     */
    @Override
    public void close() {
        log.info("LocalMongo stopping");
        server.shutdownNow();
        log.info("LocalMongo stopped");
        stopped.countDown();
    }

    /**
     * Which file the store keeps its data in and which port it listens on.
     */
    record Settings(Path dataFile, int port) {

        static Settings from(Arguments arguments) {
            return new Settings(arguments.path(".local/data/mongo/mongo.mv"), arguments.port("port", "MONGODB_PORT", 27017));
        }

        String connectionString() {
            return "mongodb://localhost:" + port;
        }
    }
}
