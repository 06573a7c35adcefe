package org.enquirytriage.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks docker-compose.yml and the files it mounts without Docker: what `docker compose up --build` needs to find.
 */
class ComposeFileTests {

    private static final Path ROOT = repositoryRoot();

    private static final Map<String, String> DATABASES = Map.of(
            "intake-service", "intake",
            "triage-service", "triage",
            "publishing-service", "publishing");

    private static final Map<String, Integer> PORTS = Map.of(
            "gateway", 8080,
            "intake-service", 8081,
            "triage-service", 8082,
            "publishing-service", 8083,
            "kafka", 9092,
            "mongo", 27017,
            "prometheus", 9090,
            "grafana", 3000);

    /** Where each service answers /actuator (health, metrics): a port neither published nor routed by the gateway. */
    private static final Map<String, Integer> MANAGEMENT_PORTS = Map.of(
            "gateway", 9080,
            "intake-service", 9081,
            "triage-service", 9082,
            "publishing-service", 9083);

    /** The only ports published on the host: everything else is reached through the gateway (or Grafana). */
    private static final Map<String, Integer> PUBLISHED = Map.of("gateway", 8080, "grafana", 3000);

    /** A value Compose refuses to start without: ${NAME:?message}. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Z_]+:\\?[^}]+}");

    private final Map<String, Object> services = map(load("docker-compose.yml").get("services"));

    @Test
    void shouldDefineTheInfrastructureAndTheFourServices() {
        assertThat(services).containsOnlyKeys(PORTS.keySet());
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:3.9.1");
        assertThat(service("mongo").get("image")).isEqualTo("mongo:7.0.14");
    }

    @Test
    void shouldGiveEveryServiceAHealthcheck() {
        services.forEach((name, definition) -> assertThat(map(map(definition).get("healthcheck")))
                .as("healthcheck of %s", name)
                .containsKey("test"));
    }

    @Test
    void shouldStartTheServicesOnlyOnceKafkaAndMongoAreHealthy() {
        DATABASES.keySet().forEach(name -> assertThat(dependencies(name))
                .as("depends_on of %s", name)
                .containsEntry("kafka", "service_healthy")
                .containsEntry("mongo", "service_healthy"));
    }

    @Test
    void shouldStartTheGatewayOnceTheServicesAreHealthy() {
        DATABASES.keySet().forEach(name -> assertThat(dependencies("gateway")).containsEntry(name, "service_healthy"));
        assertThat(environment("gateway"))
                .containsEntry("INTAKE_URI", "http://intake-service:8081")
                .containsEntry("TRIAGE_URI", "http://triage-service:8082")
                .containsEntry("PUBLISHING_URI", "http://publishing-service:8083");
    }

    @Test
    void shouldPointEveryServiceAtKafkaAndItsOwnDatabase() {
        DATABASES.forEach((name, database) -> assertThat(environment(name))
                .as("environment of %s", name)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .containsEntry("MONGODB_URI", "mongodb://%1$s:${MONGO_%2$s_PASSWORD}@mongo:27017/%1$s"
                        .formatted(database, database.toUpperCase(Locale.ROOT))));
    }

    @Test
    void shouldPublishOnlyTheGatewayAndGrafana() {
        PORTS.keySet().forEach(name -> assertThat(publishedPorts(name)).as("ports of %s", name)
                .isEqualTo(PUBLISHED.containsKey(name) ? List.of(PUBLISHED.get(name)) : List.of()));
    }

    @Test
    void shouldRunTheProductionConfigurationAndRefuseToStartWithoutItsSecrets() {
        assertThat(environment("gateway")).containsEntry("SPRING_PROFILES_ACTIVE", "default");
        assertThat(environment("intake-service").get("INTAKE_CITIZEN_KEY_SECRET")).matches(REQUIRED);
        assertThat(environment("grafana").get("GF_SECURITY_ADMIN_PASSWORD")).matches(REQUIRED);
        assertThat(environment("mongo").get("MONGO_INITDB_ROOT_PASSWORD")).matches(REQUIRED);
        for (String name : List.of("gateway", "intake-service", "triage-service", "publishing-service")) {
            assertThat(environment(name).get("OIDC_ISSUER_URI")).as("issuer of %s", name).matches(REQUIRED);
            assertThat(environment(name).get("OIDC_AUDIENCE")).as("audience of %s", name).matches(REQUIRED);
        }
        String compose = read(ROOT.resolve("docker-compose.yml"));
        assertThat(compose).doesNotContain(":-admin", ":-local", "dev-only-");
        Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
        String example = read(ROOT.resolve(".env.example"));
        while (required.find()) {
            assertThat(example).as(".env.example").contains(required.group(1) + "=");
        }
    }

    @Test
    void shouldPinEveryImageToAPatchRelease() {
        services.forEach((name, definition) -> {
            Object image = map(definition).get("image");
            if (image != null) {
                assertThat((String) image).as("image of %s", name).matches(".+:v?\\d+\\.\\d+\\.\\d+");
            }
        });
    }

    @Test
    void shouldKeepKafkaAndMongoOnANetworkOfTheirOwn() {
        assertThat(map(map(load("docker-compose.yml").get("networks")).get("data"))).containsEntry("internal", true);
        assertThat(service("kafka").get("networks")).isEqualTo(List.of("data"));
        assertThat(service("mongo").get("networks")).isEqualTo(List.of("data"));
    }

    @Test
    void shouldKeepTheDemoValuesInTheLocalComposeFilesOnly() {
        Map<String, Object> local = map(load("compose.local.yml").get("services"));
        assertThat(local).containsOnlyKeys("gateway", "intake-service", "triage-service", "publishing-service");
        local.values().forEach(service -> assertThat(map(map(service).get("environment")))
                .containsEntry("SPRING_PROFILES_ACTIVE", "local"));
        assertThat(read(ROOT.resolve("compose.local.env"))).contains("INTAKE_CITIZEN_KEY_SECRET=dev-only-");
    }

    @Test
    void shouldBuildEveryServiceFromTheOneDockerfileWithItsModule() {
        assertThat(read(ROOT.resolve("Dockerfile"))).contains("ARG MODULE").contains("-pl \"${MODULE}\" ")
                .contains("EXPOSE ${PORT}");
        List<String> built = new ArrayList<>();
        services.forEach((name, definition) -> {
            Object build = map(definition).get("build");
            if (build == null) {
                return;
            }
            Map<String, Object> buildDefinition = map(build);
            assertThat(buildDefinition.get("context")).as("build context of %s", name).isEqualTo(".");
            assertThat(buildDefinition).as("build of %s", name).doesNotContainKey("dockerfile");
            Map<String, Object> args = map(buildDefinition.get("args"));
            assertThat(args.get("MODULE")).as("module of %s", name).isEqualTo(name);
            assertThat(ROOT.resolve(name).resolve("pom.xml")).as("module of %s", name).isRegularFile();
            assertThat(args.get("PORT")).as("port of %s", name).isEqualTo(PORTS.get(name));
            built.add(name);
        });
        assertThat(built).containsExactlyInAnyOrder("gateway", "intake-service", "triage-service",
                "publishing-service");
    }

    @Test
    void shouldMountOnlyConfigurationThatExists() {
        services.forEach((name, definition) -> bindMounts(name).keySet().forEach(source -> assertThat(
                ROOT.resolve(source).normalize()).as("mounted into %s", name).exists()));
    }

    @Test
    void shouldScrapeEveryServiceWithPrometheus() {
        assertThat(bindMounts("prometheus"))
                .containsEntry("./deploy/prometheus/prometheus.yml", "/etc/prometheus/prometheus.yml");
        List<String> scraped = new ArrayList<>();
        for (Object job : list(load("deploy/prometheus/prometheus.yml").get("scrape_configs"))) {
            Map<String, Object> scrapeConfig = map(job);
            if ("/actuator/prometheus".equals(scrapeConfig.get("metrics_path"))) {
                for (Object staticConfig : list(scrapeConfig.get("static_configs"))) {
                    list(map(staticConfig).get("targets")).forEach(target -> scraped.add((String) target));
                }
            }
        }
        assertThat(scraped).containsExactlyInAnyOrder("gateway:9080", "intake-service:9081", "triage-service:9082",
                "publishing-service:9083");
    }

    @Test
    void shouldServeEveryServicesActuatorOnAManagementPortOfItsOwn() {
        MANAGEMENT_PORTS.forEach((name, port) -> {
            assertThat(map(service(name).get("environment")))
                    .as("environment of %s", name)
                    .containsEntry("MANAGEMENT_SERVER_PORT", port);
            assertThat(String.valueOf(list(map(service(name).get("healthcheck")).get("test"))))
                    .as("healthcheck of %s", name)
                    .contains("/dev/tcp/127.0.0.1/" + port);
            assertThat(PUBLISHED).doesNotContainValue(port);
        });
    }

    @Test
    void shouldProvisionDashboardsThatUseTheProvisionedDatasource() throws IOException {
        Map<String, String> mounts = bindMounts("grafana");
        assertThat(mounts).containsEntry("./deploy/grafana/provisioning", "/etc/grafana/provisioning");
        Map<String, Object> provider = map(list(load("deploy/grafana/provisioning/dashboards/dashboards.yml")
                .get("providers")).get(0));
        assertThat(mounts).containsEntry("./deploy/grafana/dashboards", (String) map(provider.get("options")).get("path"));
        Set<Object> datasources = Set.copyOf(list(load("deploy/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).stream().map(datasource -> map(datasource).get("uid")).toList());

        List<Path> dashboards;
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
            dashboards = files.filter(file -> file.toString().endsWith(".json")).toList();
        }
        assertThat(dashboards).isNotEmpty();
        for (Path dashboard : dashboards) {
            // JSON is YAML: the YAML parser reads the dashboard too
            List<Object> panels = list(load(ROOT.relativize(dashboard).toString()).get("panels"));
            assertThat(panels).as("panels of %s", dashboard.getFileName()).isNotEmpty();
            panels.forEach(panel -> assertThat(datasources)
                    .as("datasource of a panel in %s", dashboard.getFileName())
                    .contains(map(map(panel).get("datasource")).get("uid")));
        }
    }

    private Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return map(services.get(name));
    }

    private Map<String, String> dependencies(String name) {
        Map<String, String> conditions = new LinkedHashMap<>();
        map(service(name).get("depends_on")).forEach((dependency, definition) ->
                conditions.put(dependency, (String) map(definition).get("condition")));
        return conditions;
    }

    private Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof List<?> entries) {
            entries.forEach(entry -> {
                String[] variable = String.valueOf(entry).split("=", 2);
                variables.put(variable[0], variable.length > 1 ? variable[1] : "");
            });
        }
        else {
            map(environment).forEach((key, value) -> variables.put(key, String.valueOf(value)));
        }
        return variables;
    }

    private List<Integer> publishedPorts(String name) {
        List<Integer> published = new ArrayList<>();
        Object ports = service(name).get("ports");
        if (ports == null) {
            return published;
        }
        for (Object port : list(ports)) {
            if (port instanceof Map<?, ?> longSyntax) {
                published.add(Integer.valueOf(String.valueOf(longSyntax.get("published"))));
            }
            else {
                String[] parts = String.valueOf(port).split(":");
                published.add(Integer.valueOf(parts[parts.length - 2]));
            }
        }
        return published;
    }

    private Map<String, String> bindMounts(String name) {
        Map<String, String> mounts = new LinkedHashMap<>();
        Object volumes = service(name).get("volumes");
        if (volumes == null) {
            return mounts;
        }
        for (Object volume : list(volumes)) {
            if (volume instanceof Map<?, ?> longSyntax) {
                if ("bind".equals(longSyntax.get("type"))) {
                    mounts.put((String) longSyntax.get("source"), (String) longSyntax.get("target"));
                }
            }
            else {
                String[] parts = String.valueOf(volume).split(":");
                if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
                    mounts.put(parts[0], parts[1]);
                }
            }
        }
        return mounts;
    }

    private static Map<String, Object> load(String file) {
        Path path = ROOT.resolve(file);
        assertThat(path).isRegularFile();
        try (Reader reader = Files.newBufferedReader(path)) {
            return new Yaml().load(reader);
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static Path repositoryRoot() {
        // Maven runs the tests in the module's directory, an IDE often in the repository's
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("docker-compose.yml"))) {
                return directory;
            }
        }
        throw new IllegalStateException("No docker-compose.yml in " + Path.of("").toAbsolutePath() + " or above");
    }
}
