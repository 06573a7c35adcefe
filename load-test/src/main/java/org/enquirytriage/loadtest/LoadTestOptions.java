package org.enquirytriage.loadtest;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run of the load test does, read from the command line.
 *
 * @param rate enquiries posted per second, on a fixed timetable (in batches of {@code batch} with a batch size)
 * @param duration how long enquiries are posted
 * @param gateway the gateway's base URL
 * @param corpus the JSON Lines file of messages (fields {@code subject}, {@code text}); {@code null} for the sample
 *        shipped in this module
 * @param kafka the bootstrap servers of the broker the services use
 * @param apiKey sent as {@code X-Api-Key} with every post, or {@code null}
 * @param channel the channel the enquiries are posted as
 * @param scenario the fault to inject, one of {@link #SCENARIOS}
 * @param timeout how long to wait, once the last post is answered, for the last case
 * @param baseline whether to measure the raw broker and plain HTTP first
 * @param stack the local stack's state directory ({@code .local}: pid files in {@code run/}, logs in {@code logs/})
 * @param maxInFlight the most posts waiting for an answer; a post due when all are taken is not sent (unsent)
 * @param retries how often a post that failed (no answer, 5xx, 429) is sent again, with the same external id
 * @param httpTimeout how long one post waits for its answer
 * @param faultAt when the fault is injected, as a share of the duration
 * @param warmup how long to post at the same rate before the measured run (not counted), zero for none
 * @param batch enquiries per request: 1 posts each to {@code /api/enquiries}, more post them together to
 *        {@code /api/enquiries/batch}
 * @param connections the most HTTP connections the tool keeps open to the gateway
 */
public record LoadTestOptions(double rate, Duration duration, URI gateway, Path corpus, String kafka, String apiKey,
        String channel, String scenario, Duration timeout, boolean baseline, Path stack, int maxInFlight,
        int retries, Duration httpTimeout, double faultAt, Duration warmup, int batch, int connections) {

    public static final List<String> SCENARIOS = List.of("none", "kafka-restart", "triage-restart", "mongo-restart",
            "duplicate-delivery", "poison");

    /** The most enquiries one batch may hold (intake's {@code intake.batch.max-items}). */
    static final int MAX_BATCH = 500;

    /** The environment variable read when {@code --api-key} is not given. */
    public static final String API_KEY_VARIABLE = "LOAD_TEST_API_KEY";

    /** The system property that names the repository, for the default corpus and stack; the working directory else. */
    public static final String REPOSITORY_PROPERTY = "loadtest.repository";

    static final String USAGE = """
            usage: scripts/load-test --rate R --duration S [options]

            Posts R enquiries per second through the gateway for S seconds on a fixed timetable (an open model: a post
            is sent when it is due, however slowly the earlier ones are answered), waits until every accepted enquiry
            has become a case (CaseOpened, or CaseMerged, on case-events) and prints the latency from the post to the
            case, the rates and the counts. The last line is one JSON object. Exits 1 when an accepted enquiry was
            lost or duplicated, when a scenario's check failed or when nothing was accepted; 2 for bad arguments.

              --rate R            enquiries per second (required)
              --duration S        seconds of posting (required)
              --gateway URL       default http://localhost:8080
              --corpus FILE       JSON Lines with subject and text; default ../shared/data/unlabeled-messages.jsonl
                                  beside the repository when present, else the sample shipped in load-test
              --kafka BOOTSTRAP   default localhost:9092
              --api-key KEY       sent as X-Api-Key; default the environment variable LOAD_TEST_API_KEY
              --channel NAME      default portal
              --scenario NAME     none (default), kafka-restart, triage-restart, mongo-restart (these three restart a
                                  process of the local stack: see --stack), duplicate-delivery, poison
              --timeout S         seconds to wait for the last case once posting is over; default 60
              --baseline          first measure the raw broker (records through topic load-test-baseline) and plain
                                  HTTP (the same posts to a trivial endpoint this tool serves)
              --stack DIR         the local stack's state directory; default .local in the repository
              --max-in-flight N   posts waiting for an answer at most; default 1024
              --batch N           post N enquiries per request to /api/enquiries/batch (the rate stays enquiries
                                  per second: R / N requests per second); default 1, each to /api/enquiries
              --connections N     HTTP connections to the gateway at most (kept alive, shared); default 256
              --retries N         resend a post that failed (no answer, 5xx, 429) up to N times, same external id;
                                  default 0, and 5 for the fault scenarios
              --http-timeout S    seconds a post waits for its answer; default 10
              --fault-at F        when the fault comes, as a share of the duration; default 0.33
              --warmup S          first post for S seconds, uncounted, at 1/4, 1/2, 3/4 and all of the rate, and wait
                                  until triage-service has read them all (the JIT warms up, pools fill); default 0
              --help              this text
            """;

    private static final Set<String> FLAGS = Set.of("baseline", "help");

    private static final Set<String> OPTIONS = Set.of("rate", "duration", "gateway", "corpus", "kafka", "api-key",
            "channel", "scenario", "timeout", "stack", "max-in-flight", "retries", "http-timeout", "fault-at",
            "warmup", "batch", "connections");

    public LoadTestOptions {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be a positive number of enquiries per second");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be a positive number of seconds");
        }
        if (!SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException("--scenario must be one of " + String.join(", ", SCENARIOS)
                    + ", not '" + scenario + "'");
        }
        if (maxInFlight < 1 || retries < 0) {
            throw new IllegalArgumentException("--max-in-flight must be at least 1 and --retries at least 0");
        }
        if (batch < 1 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("--batch must be between 1 and " + MAX_BATCH);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("--connections must be at least 1");
        }
        if (faultAt < 0 || faultAt > 1) {
            throw new IllegalArgumentException("--fault-at must be between 0 and 1");
        }
    }

    /** Reads the command line; the environment supplies {@link #API_KEY_VARIABLE}. */
    public static LoadTestOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> values = values(args);
        if (!values.containsKey("rate") || !values.containsKey("duration")) {
            throw new IllegalArgumentException("--rate and --duration are required");
        }
        Path repository = Path.of(System.getProperty(REPOSITORY_PROPERTY, "")).toAbsolutePath();
        String scenario = values.getOrDefault("scenario", "none");
        int defaultRetries = "none".equals(scenario) ? 0 : 5;
        return new LoadTestOptions(
                number(values, "rate", Double.NaN),
                seconds(values, "duration", 0),
                URI.create(stripSlash(values.getOrDefault("gateway", "http://localhost:8080"))),
                values.containsKey("corpus") ? Path.of(values.get("corpus")) : defaultCorpus(repository),
                values.getOrDefault("kafka", "localhost:9092"),
                values.getOrDefault("api-key", blankToNull(environment.get(API_KEY_VARIABLE))),
                values.getOrDefault("channel", "portal"),
                scenario,
                seconds(values, "timeout", 60),
                values.containsKey("baseline"),
                values.containsKey("stack") ? Path.of(values.get("stack")) : repository.resolve(".local"),
                (int) number(values, "max-in-flight", 1024),
                (int) number(values, "retries", defaultRetries),
                seconds(values, "http-timeout", 10),
                number(values, "fault-at", 0.33),
                seconds(values, "warmup", 0),
                (int) number(values, "batch", 1),
                (int) number(values, "connections", HttpPoster.DEFAULT_CONNECTIONS));
    }

    /** Whether the command line asks for the usage text. */
    static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /** The enquiries the timetable has: whole requests of {@code batch} enquiries each. */
    long scheduled() {
        return Math.round(requestRate() * duration.toNanos() / 1e9) * batch;
    }

    /** Requests per second: the rate in enquiries divided by the batch size. */
    double requestRate() {
        return rate / batch;
    }

    /** The path posts go to: one enquiry, or a batch. */
    String enquiriesPath() {
        return batch == 1 ? "/api/enquiries" : "/api/enquiries/batch";
    }

    private static Map<String, String> values(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            else if (FLAGS.contains(name)) {
                value = "true";
            }
            else if (i + 1 < args.length) {
                value = args[++i];
            }
            else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!OPTIONS.contains(name) && !FLAGS.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name);
            }
            values.put(name, value);
        }
        return values;
    }

    private static double number(Map<String, String> values, String name, double otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(value);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
        }
    }

    private static Duration seconds(Map<String, String> values, String name, double otherwise) {
        return Duration.ofNanos(Math.round(number(values, name, otherwise) * 1e9));
    }

    private static Path defaultCorpus(Path repository) {
        Path shared = repository.resolve("../shared/data/unlabeled-messages.jsonl").normalize();
        return Files.isRegularFile(shared) ? shared : null;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
