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
 * The four services started as processes against a given Kafka and MongoDB (one or more instances each of intake,
 * triage and publishing), reached through the gateway, which runs with its {@code local} profile: the demo channel key
 * and demo users of {@link #DEMO_CHANNEL_KEY}.
 */
final class RunningSystem implements AutoCloseable {

    /** The channel key of the gateway's local profile, for channel {@code portal}. */
    static final String DEMO_CHANNEL_KEY = "demo-portal-key-2f6c1e9a7b3d4e58";
    /** The password of every demo user of the gateway's local profile. */
    static final String DEMO_PASSWORD = "demo-password";

    /**
     * For each service, from when the last was started: seven JVMs starting at once on a machine busy with other
     * builds took more than 5 minutes (a bound only: a service that never starts fails the test later, not sooner).
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<ServiceProcess> intakes = new ArrayList<>();
    private final List<ServiceProcess> triages = new ArrayList<>();
    private final List<ServiceProcess> publishings = new ArrayList<>();
    private final ServiceProcess gateway;

    RunningSystem(String kafkaBootstrapServers, String mongoAddress, Path logDirectory) throws IOException {
        this(kafkaBootstrapServers, mongoAddress, logDirectory, Map.of());
    }

    /** With {@code settings} (environment variables, such as {@code SPRING_APPLICATION_JSON}) for every service. */
    RunningSystem(String kafkaBootstrapServers, String mongoAddress, Path logDirectory, Map<String, String> settings)
            throws IOException {
        this(kafkaBootstrapServers, mongoAddress, logDirectory, settings, 1);
    }

    /**
     * With {@code instances} processes each of intake, triage and publishing: the gateway takes turns among them
     * ({@code lb://} routes over a static list, as {@code scripts/run-local --instances N} does), and triage instance
     * i asks publishing instance i for answer suggestions.
     */
    RunningSystem(String kafkaBootstrapServers, String mongoAddress, Path logDirectory, Map<String, String> settings,
            int instances) throws IOException {
        List<Integer> intakePorts = ports(instances);
        List<Integer> triagePorts = ports(instances);
        List<Integer> publishingPorts = ports(instances);
        int gatewayPort = FreePorts.next();
        String jwks = "http://127.0.0.1:" + gatewayPort + "/auth/jwks";
        try {
            for (int i = 0; i < instances; i++) {
                Map<String, String> intake = new HashMap<>(settings);
                intake.putAll(backend(kafkaBootstrapServers, mongoAddress, "intake", jwks));
                // intake refuses the development secret outside the profile local
                intake.put("INTAKE_CITIZEN_KEY_SECRET", "system-test-citizen-key-secret-0123456789");
                intakes.add(start("intake-service", i, intakePorts.get(i), intake, List.of(), logDirectory));
            }
            for (int i = 0; i < instances; i++) {
                Map<String, String> triage = new HashMap<>(settings);
                triage.putAll(backend(kafkaBootstrapServers, mongoAddress, "triage", jwks));
                triage.put("PUBLISHING_URI", "http://127.0.0.1:" + publishingPorts.get(i));
                triages.add(start("triage-service", i, triagePorts.get(i), triage, List.of(), logDirectory));
            }
            for (int i = 0; i < instances; i++) {
                Map<String, String> publishing = new HashMap<>(settings);
                publishing.putAll(backend(kafkaBootstrapServers, mongoAddress, "publishing", jwks));
                publishings.add(start("publishing-service", i, publishingPorts.get(i), publishing, List.of(),
                        logDirectory));
            }
            Map<String, String> gatewaySettings = new HashMap<>(settings);
            gatewaySettings.putAll(Map.of(
                    "SPRING_PROFILES_ACTIVE", "local",
                    "MONGODB_URI", "mongodb://" + mongoAddress + "/gateway"));
            List<String> routes = new ArrayList<>();
            routes.addAll(route("INTAKE_URI", "intake-service", intakePorts));
            routes.addAll(route("TRIAGE_URI", "triage-service", triagePorts));
            routes.addAll(route("PUBLISHING_URI", "publishing-service", publishingPorts));
            gateway = start("gateway", 0, gatewayPort, gatewaySettings, routes, logDirectory);
            services.forEach(service -> service.awaitHealthy(START_TIMEOUT));
        }
        catch (RuntimeException | IOException e) {
            close();
            throw e;
        }
    }

    private ServiceProcess start(String module, int instance, int port, Map<String, String> environment,
            List<String> arguments, Path logDirectory) throws IOException {
        String name = instance == 0 ? module : module + "-" + (instance + 1);
        ServiceProcess started = ServiceProcess.start(module, name, port, environment, arguments, logDirectory);
        services.add(started);
        return started;
    }

    private static List<Integer> ports(int instances) {
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            ports.add(FreePorts.next());
        }
        return ports;
    }

    /**
     * The gateway's arguments for one service: its address for one instance; for more, {@code lb://<service>} and
     * the instances in Spring Cloud's simple discovery list.
     */
    private static List<String> route(String uriProperty, String service, List<Integer> ports) {
        if (ports.size() == 1) {
            return List.of("--" + uriProperty + "=http://127.0.0.1:" + ports.get(0));
        }
        List<String> arguments = new ArrayList<>(List.of("--" + uriProperty + "=lb://" + service));
        for (int i = 0; i < ports.size(); i++) {
            arguments.add("--spring.cloud.discovery.client.simple.instances." + service + "[" + i + "].uri="
                    + "http://127.0.0.1:" + ports.get(i));
        }
        return arguments;
    }

    private static Map<String, String> backend(String kafka, String mongoAddress, String database, String jwks) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka, "MONGODB_URI", "mongodb://" + mongoAddress + "/" + database,
                "GATEWAY_JWKS_URI", jwks);
    }

    URI gateway(String path) {
        return gateway.uri(path);
    }

    /** Intake directly, at its own port, around the gateway (its first instance). */
    URI intake(String path) {
        return intakes.get(0).uri(path);
    }

    /** Triage directly, at its own port, around the gateway (its first instance). */
    URI triage(String path) {
        return triages.get(0).uri(path);
    }

    /** Every instance of triage, each at its own port. */
    List<URI> triageInstances(String path) {
        return triages.stream().map(triage -> triage.uri(path)).toList();
    }

    /** Publishing directly, at its own port, around the gateway (its first instance). */
    URI publishing(String path) {
        return publishings.get(0).uri(path);
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::stop);
    }
}
