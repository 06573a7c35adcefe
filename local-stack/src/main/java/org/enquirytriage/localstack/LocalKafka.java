package org.enquirytriage.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one node) that keeps its topics and
 * offsets in a data directory across restarts.
 */
public final class LocalKafka implements AutoCloseable {

    static final String USAGE = """
            usage: LocalKafka [DATA_DIR] [--port=N] [--controller-port=N]
              DATA_DIR           default .local/data/kafka
              --port             PLAINTEXT listener, env KAFKA_PORT, default 9092
              --controller-port  KRaft controller listener, env KAFKA_CONTROLLER_PORT, default 9093""";

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    private static final int NODE_ID = 1;

    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final Settings settings;

    private final KafkaRaftServer server;

    private LocalKafka(Settings settings, KafkaRaftServer server) {
        this.settings = settings;
        this.server = server;
    }

    /**
     * Starts the broker and keeps it running until the process receives SIGTERM or SIGINT.
     */
    public static void main(String[] args) {
        Settings settings;
        try {
            settings = Settings.from(Arguments.parse(args, Set.of("port", "controller-port"), System.getenv()));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        LocalKafka kafka;
        try {
            kafka = start(settings);
        } catch (Exception e) {
            log.error("LocalKafka failed to start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "local-kafka-shutdown"));
        kafka.server.awaitShutdown();
    }

    static LocalKafka start(Settings settings) throws Exception {
        formatIfNew(settings.dataDirectory());
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(settings.brokerProperties()), Time.SYSTEM);
        server.startup();
        log.info("LocalKafka ready: bootstrap servers {}, controller localhost:{}, data in {}",
                settings.bootstrapServers(), settings.controllerPort(), settings.dataDirectory());
        return new LocalKafka(settings, server);
    }

    private static void formatIfNew(Path dataDirectory) throws Exception {
        if (Files.exists(dataDirectory.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME))) {
            log.info("Starting from the existing data in {}", dataDirectory);
            return;
        }
        Files.createDirectories(dataDirectory);
        String clusterId = Uuid.randomUuid().toString();
        log.info("Formatting {} for the new cluster {}", dataDirectory, clusterId);
        new Formatter()
                .setNodeId(NODE_ID)
                .setClusterId(clusterId)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .addDirectory(dataDirectory.toString())
                .setMetadataLogDirectory(dataDirectory.toString())
                .run();
    }

    String bootstrapServers() {
        return settings.bootstrapServers();
    }

    /**
     * Shuts the broker down in a controlled way and waits until it has flushed its logs.
     */
    @Override
    public void close() {
        log.info("LocalKafka stopping");
        server.shutdown();
        server.awaitShutdown();
        log.info("LocalKafka stopped");
    }

    /**
     * Where the broker keeps its data and which ports it listens on.
     */
    record Settings(Path dataDirectory, int port, int controllerPort) {

        static Settings from(Arguments arguments) {
            return new Settings(arguments.path(".local/data/kafka"),
                    arguments.port("port", "KAFKA_PORT", 9092),
                    arguments.port("controller-port", "KAFKA_CONTROLLER_PORT", 9093));
        }

        String bootstrapServers() {
            return "localhost:" + port;
        }

        Properties brokerProperties() {
            Properties properties = new Properties();
            properties.put("process.roles", "broker,controller");
            properties.put("node.id", String.valueOf(NODE_ID));
            properties.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
            properties.put("controller.listener.names", CONTROLLER_LISTENER);
            properties.put("listeners", "PLAINTEXT://localhost:" + port + "," + CONTROLLER_LISTENER + "://localhost:" + controllerPort);
            properties.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
            properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
            properties.put("inter.broker.listener.name", "PLAINTEXT");
            properties.put("log.dirs", dataDirectory.toString());
            properties.put("auto.create.topics.enable", "true");
            properties.put("num.partitions", "3");
            properties.put("default.replication.factor", "1");
            properties.put("min.insync.replicas", "1");
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            return properties;
        }
    }
}
