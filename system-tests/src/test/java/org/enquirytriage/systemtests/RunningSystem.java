package org.enquirytriage.systemtests;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services started as processes against a given Kafka and MongoDB, reached through the gateway, which runs
 * with its {@code local} profile: the demo channel key and demo users of {@link #DEMO_CHANNEL_KEY}.
 */
final class RunningSystem implements AutoCloseable {

    /** The channel key of the gateway's local profile, for channel {@code portal}. */
    static final String DEMO_CHANNEL_KEY = "demo-portal-key-2f6c1e9a7b3d4e58";
    /** The password of every demo user of the gateway's local profile. */
    static final String DEMO_PASSWORD = "demo-password";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final List<ServiceProcess> services = new ArrayList<>();
    private final ServiceProcess gateway;
    private ServiceProcess intake;
    private ServiceProcess triage;
    private ServiceProcess publishing;

    RunningSystem(String kafkaBootstrapServers, String mongoAddress, Path logDirectory) throws IOException {
        this(kafkaBootstrapServers, mongoAddress, logDirectory, Map.of());
    }

    /** With {@code settings} (environment variables, such as {@code SPRING_APPLICATION_JSON}) for every service. */
    RunningSystem(String kafkaBootstrapServers, String mongoAddress, Path logDirectory, Map<String, String> settings)
            throws IOException {
        int intakePort = FreePorts.next();
        int triagePort = FreePorts.next();
        int publishingPort = FreePorts.next();
        int gatewayPort = FreePorts.next();
        String jwks = "http://127.0.0.1:" + gatewayPort + "/auth/jwks";
        try {
            Map<String, String> intake = new HashMap<>(settings);
            intake.putAll(backend(kafkaBootstrapServers, mongoAddress, "intake", jwks));
            // intake refuses the development secret outside the profile local
            intake.put("INTAKE_CITIZEN_KEY_SECRET", "system-test-citizen-key-secret-0123456789");
            this.intake = ServiceProcess.start("intake-service", intakePort, intake, logDirectory);
            services.add(this.intake);
            Map<String, String> triage = new HashMap<>(settings);
            triage.putAll(backend(kafkaBootstrapServers, mongoAddress, "triage", jwks));
            triage.put("PUBLISHING_URI", "http://127.0.0.1:" + publishingPort);
            this.triage = ServiceProcess.start("triage-service", triagePort, triage, logDirectory);
            services.add(this.triage);
            Map<String, String> publishing = new HashMap<>(settings);
            publishing.putAll(backend(kafkaBootstrapServers, mongoAddress, "publishing", jwks));
            this.publishing = ServiceProcess.start("publishing-service", publishingPort, publishing, logDirectory);
            services.add(this.publishing);
            Map<String, String> gatewaySettings = new HashMap<>(settings);
            gatewaySettings.putAll(Map.of(
                    "SPRING_PROFILES_ACTIVE", "local",
                    "MONGODB_URI", "mongodb://" + mongoAddress + "/gateway",
                    "INTAKE_URI", "http://127.0.0.1:" + intakePort,
                    "TRIAGE_URI", "http://127.0.0.1:" + triagePort,
                    "PUBLISHING_URI", "http://127.0.0.1:" + publishingPort));
            gateway = ServiceProcess.start("gateway", gatewayPort, gatewaySettings, logDirectory);
            services.add(gateway);
            services.forEach(service -> service.awaitHealthy(START_TIMEOUT));
        }
        catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    private static Map<String, String> backend(String kafka, String mongoAddress, String database, String jwks) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "MONGODB_URI", "mongodb://" + mongoAddress + "/" + database,
                "GATEWAY_JWKS_URI", jwks);
    }

    URI gateway(String path) {
        return gateway.uri(path);
    }

    /** Intake directly, at its own port, around the gateway. */
    URI intake(String path) {
        return intake.uri(path);
    }

    /** Triage directly, at its own port, around the gateway. */
    URI triage(String path) {
        return triage.uri(path);
    }

    /** Publishing directly, at its own port, around the gateway. */
    URI publishing(String path) {
        return publishing.uri(path);
    }


    @Override
    public void close() {
        services.forEach(ServiceProcess::stop);
    }
}
