package org.enquirytriage.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

import org.enquirytriage.events.Topics;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The whole system on a real Kafka broker (KRaft) started in the test JVM and the in-memory mongo-java-server
 * stand-in, with the four services as processes: what a system test needs where no Docker runs.
 */
final class EmbeddedSystem implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private RunningSystem system;

    /** As many as the services create their topics with ({@code messaging.partitions}). */
    private static final int PARTITIONS = 12;

    private EmbeddedSystem() {
        kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, Topics.ALL.toArray(String[]::new));
        mongo = new MongoServer(new MemoryBackend());
    }

    /** Starts the infrastructure and the services, with the services' logs under {@code target/system-tests/<name>}. */
    static EmbeddedSystem start(String name) throws IOException {
        return start(name, Map.of());
    }

    /** The same, with {@code settings} (environment variables) for every service. */
    static EmbeddedSystem start(String name, Map<String, String> settings) throws IOException {
        return start(name, settings, 1);
    }

    /** The same, with {@code instances} processes each of intake, triage and publishing behind the gateway. */
    static EmbeddedSystem start(String name, Map<String, String> settings, int instances) throws IOException {
        EmbeddedSystem started = new EmbeddedSystem();
        try {
            started.kafka.afterPropertiesSet();
            started.mongo.bind("127.0.0.1", 0);
            InetSocketAddress mongoAddress = started.mongo.getLocalAddress();
            started.system = new RunningSystem(started.kafka.getBrokersAsString(),
                    "127.0.0.1:" + mongoAddress.getPort(), Path.of("target", "system-tests", name), settings, instances);
            return started;
        }
        catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
    }

    RunningSystem system() {
        return system;
    }

    String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public void close() {
        if (system != null) {
            system.close();
        }
        mongo.shutdownNow();
        kafka.destroy();
    }
}
