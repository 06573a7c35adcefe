package org.enquirytriage.triage.casework;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Priority;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.enquirytriage.triage.TriageProperties;
import org.enquirytriage.triage.routing.RoutingDecision;
import org.enquirytriage.triage.sla.SlaFixtures;
import org.mockito.Mockito;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.management.OperatingSystemMXBean;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * How many received enquiries {@link CaseService#receive} takes on per CPU-second, in polls as the listener gets
 * them, against the in-memory MongoDB stand-in (in this JVM, so its CPU is counted too). The enquiries are the real
 * work orders of {@code hotline-fuzhou.jsonl}, drawn at random with repeats: one in ten is a citizen writing again
 * about what they wrote before, the region follows the title (the same problem, the same place), and the file's
 * own near-duplicate titles repeat each other. The classifier and router are fixed stand-ins, so the figure is
 * intake's own path: the look-ups, the decisions and the writes. Prints one JSON line.
 *
 * <pre>
 * ./mvnw -pl triage-service dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp triage-service/target/test-classes:triage-service/target/classes:$(cat triage-service/target/cp.txt) \
 *     org.enquirytriage.triage.casework.ReceiveBenchmark [--enquiries N] [--poll N] [--input FILE]
 * </pre>
 */
public final class ReceiveBenchmark {

    private static final int REGIONS = 13;

    private ReceiveBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int enquiries = 10_000;
        int poll = 500;
        Path input = Path.of("/work/shared/data/hotline-fuzhou.jsonl");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--enquiries" -> enquiries = Integer.parseInt(args[i + 1]);
                case "--poll" -> poll = Integer.parseInt(args[i + 1]);
                case "--input" -> input = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        // as the service logs: INFO, not the DEBUG of the driver and the stand-in that logback starts with
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        List<JsonNode> rows = rows(input);
        run(rows, Math.min(enquiries, 2_000), poll, "warm-up");
        Figures figures = run(rows, enquiries, poll, "measured");
        System.out.println(figures.json());
    }

    private static Figures run(List<JsonNode> rows, int count, int poll, String database) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
            MongoTemplate mongo = new MongoTemplate(client, database);
            ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
            Cases cases = new Cases(mongo, new CloudEventCodec(json, "triage-service"),
                    Mockito.mock(OutboxRelay.class));
            CaseworkProperties properties = new CaseworkProperties(new CaseworkProperties.Merging(true,
                    Duration.ofDays(7), 0.3, Duration.ofDays(7), 0.5, 200, Duration.ofSeconds(10)));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            Classification fixed = new Classification(EnquiryKind.PROBLEM_REPORT, "环境保护", Priority.NORMAL, 0.9,
                    "benchmark", List.of());
            CaseService service = new CaseService(cases, (subject, text) -> fixed,
                    (classification, region, text) -> new RoutingDecision("ecology-environment", "benchmark", 1,
                            "benchmark"),
                    SlaFixtures.policy(), new DuplicateFinder(cases, properties),
                    new RepeatClaims(mongo, Clock.systemUTC(), properties), new TriageProperties("triage-desk"),
                    Optional.empty(), Clock.systemUTC(), meters);
            List<EnquiryReceived> all = enquiries(rows, count);
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            for (int from = 0; from < all.size(); from += poll) {
                service.receive(all.subList(from, Math.min(all.size(), from + poll)));
            }
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            return new Figures(count, poll, (long) sum(meters, "triage.cases.opened"),
                    (long) sum(meters, "triage.cases.merged"), cpu, wall);
        }
        finally {
            server.shutdownNow();
        }
    }

    private static double sum(SimpleMeterRegistry meters, String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** Random work orders, one in ten a citizen writing again what they wrote before; the same seed every run. */
    private static List<EnquiryReceived> enquiries(List<JsonNode> rows, int count) {
        Random random = new Random(14);
        List<EnquiryReceived> drawn = new ArrayList<>(count);
        List<Integer> rowOf = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            int row;
            String citizen;
            if (i > 0 && random.nextInt(10) == 0) {
                int earlier = random.nextInt(i);
                row = rowOf.get(earlier);
                citizen = drawn.get(earlier).citizenKey();
            }
            else {
                row = random.nextInt(rows.size());
                citizen = "citizen-" + random.nextInt(count * 4);
            }
            JsonNode work = rows.get(row);
            String title = work.path("title").asText();
            String region = String.format(Locale.ROOT, "3501%02d", Math.floorMod(title.hashCode(), REGIONS));
            rowOf.add(row);
            drawn.add(new EnquiryReceived(UUID.randomUUID().toString(), now, UUID.randomUUID().toString(),
                    work.path("channel").asText("hotline"), "bench-" + i, title, work.path("content").asText(), now,
                    citizen, new EnquiryLocation(region, null, null, null), List.of()));
        }
        return drawn;
    }

    private static List<JsonNode> rows(Path input) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(input)) {
            if (!line.isBlank()) {
                rows.add(json.readTree(line));
            }
        }
        return rows;
    }

    private record Figures(int enquiries, int poll, long opened, long merged, double cpuSeconds, double wallSeconds) {

        String json() {
            return String.format(Locale.ROOT, "{\"enquiries\":%d,\"poll\":%d,\"cases_opened\":%d,\"merged\":%d,"
                    + "\"cpu_s\":%.2f,\"wall_s\":%.2f,\"enquiries_per_cpu_s\":%.0f,\"enquiries_per_s\":%.0f}",
                    enquiries, poll, opened, merged, cpuSeconds, wallSeconds, enquiries / cpuSeconds,
                    enquiries / wallSeconds);
        }
    }
}
