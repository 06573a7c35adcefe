package org.enquirytriage.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (KRaft) run as a process of its own from the local stack's jar, which keeps its data in a
 * directory: it can be stopped and started again on the same ports with the same topics and offsets, as a broker
 * that goes down and comes back.
 */
final class LocalKafkaProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String READY = "LocalKafka ready";

    private final Path dataDirectory;
    private final Path logDirectory;
    private final int port;
    private final int controllerPort;
    private Process process;
    private int starts;

    private LocalKafkaProcess(Path dataDirectory, Path logDirectory) {
        this.dataDirectory = dataDirectory;
        this.logDirectory = logDirectory;
        this.port = FreePorts.next();
        this.controllerPort = FreePorts.next();
    }

    /** Starts a broker with a fresh data directory under the log directory. */
    static LocalKafkaProcess start(Path logDirectory) throws IOException {
        Files.createDirectories(logDirectory);
        LocalKafkaProcess kafka = new LocalKafkaProcess(Files.createTempDirectory(logDirectory, "kafka-data-"),
                logDirectory);
        kafka.start();
        return kafka;
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker (again) on the same ports and data, and waits until it is ready. */
    void start() throws IOException {
        Path root = Path.of(System.getProperty("system.root", ".."));
        Path jar = root.resolve("local-stack").resolve("target").resolve("local-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build local-stack first (./mvnw -pl local-stack package)");
        }
        Path log = logDirectory.resolve("kafka-" + (++starts) + ".log");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-cp", jar.toString(), "org.enquirytriage.localstack.LocalKafka",
                dataDirectory.toString(), "--port=" + port, "--controller-port=" + controllerPort))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await("Kafka ready (log: " + log + ")").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + log);
                    }
                    return Files.readString(log).contains(READY);
                });
    }

    /** Stops the broker the way an operator would (SIGTERM), and waits until it has flushed and exited. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

}
