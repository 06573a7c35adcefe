package org.enquirytriage.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The four services started as processes against a given Kafka and MongoDB, reached through the gateway. */
final class RunningSystem implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final List<ServiceProcess> services = new ArrayList<>();
    private final ServiceProcess gateway;

    RunningSystem(String kafkaBootstrapServers, String mongoAddress, Path logDirectory) throws IOException {
        int intakePort = freePort();
        int triagePort = freePort();
        int publishingPort = freePort();
        try {
            services.add(ServiceProcess.start("intake-service", intakePort,
                    backend(kafkaBootstrapServers, mongoAddress, "intake"), logDirectory));
            services.add(ServiceProcess.start("triage-service", triagePort,
                    backend(kafkaBootstrapServers, mongoAddress, "triage"), logDirectory));
            services.add(ServiceProcess.start("publishing-service", publishingPort,
                    backend(kafkaBootstrapServers, mongoAddress, "publishing"), logDirectory));
            gateway = ServiceProcess.start("gateway", freePort(), Map.of(
                    "INTAKE_URI", "http://127.0.0.1:" + intakePort,
                    "TRIAGE_URI", "http://127.0.0.1:" + triagePort,
                    "PUBLISHING_URI", "http://127.0.0.1:" + publishingPort), logDirectory);
            services.add(gateway);
            services.forEach(service -> service.awaitHealthy(START_TIMEOUT));
        }
        catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    private static Map<String, String> backend(String kafka, String mongoAddress, String database) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "MONGODB_URI", "mongodb://" + mongoAddress + "/" + database);
    }

    URI gateway(String path) {
        return gateway.uri(path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::stop);
    }
}
