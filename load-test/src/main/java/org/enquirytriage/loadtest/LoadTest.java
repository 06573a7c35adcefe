package org.enquirytriage.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.enquirytriage.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One run of the load test: posts enquiries through the gateway on a fixed timetable, injects the scenario's fault,
 * waits until every accepted enquiry became a case (or the timeout), and reports latency, rates and counts, with
 * whatever was lost or duplicated.
 */
public final class LoadTest {

    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(5);
    /** How long the topics must stay quiet after the last case before a second case for an enquiry is ruled out. */
    private static final Duration SETTLE_GRACE = Duration.ofSeconds(3);
    /** The longest that waiting for quiet topics may take, should something keep producing. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);
    private static final Duration LAG_CHECK_INTERVAL = Duration.ofMillis(200);
    private static final int WARM_UP_STEPS = 4;

    private final LoadTestOptions options;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    public LoadTest(LoadTestOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the baselines when asked, then the load with its fault, and prints the report, its JSON line last. */
    public LoadReport run() throws InterruptedException {
        Corpus corpus = Corpus.load(options.corpus());
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Enquiries enquiries = new Enquiries(corpus, options.channel(), "lt-" + runId + "-", options.apiKey());
        out.printf("load-test run %s: %s enquiries/s for %d s through %s (channel %s%s%s), scenario %s, Kafka %s%n",
                runId, trim(options.rate()), options.duration().toSeconds(), options.gateway(), options.channel(),
                options.apiKey() == null ? "" : ", with an API key",
                options.batch() == 1 ? "" : ", in batches of " + options.batch(), options.scenario(), options.kafka());
        out.printf("corpus: %d messages from %s%n", corpus.messages().size(), corpus.source());
        try (HttpPoster client = new HttpPoster(options.connections())) {
            return run(corpus, runId, enquiries, client);
        }
    }

    private LoadReport run(Corpus corpus, String runId, Enquiries enquiries, HttpPoster client)
            throws InterruptedException {

        Baselines.KafkaResult kafkaBaseline = null;
        if (options.baseline()) {
            kafkaBaseline = Baselines.kafka(options.kafka(), options.scheduled(), corpus);
            OpenLoop.Stats httpBaseline = Baselines.http(options, client, enquiries);
            Baselines.print(out, kafkaBaseline, httpBaseline);
        }

        URI endpoint = URI.create(options.gateway() + options.enquiriesPath());
        if (!options.warmup().isZero()) {
            warmUp(client, corpus, endpoint, runId);
        }
        LocalStack stack = new LocalStack(options.stack(), out);
        Map<String, Duration> cpuBefore = stack.cpuTimes();
        String loadBefore = loadAverage();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, String> answeredIds = new ConcurrentHashMap<>();
        AtomicLong repeats = new AtomicLong();
        AtomicLong withoutId = new AtomicLong();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "load-test-timer");
            thread.setDaemon(true);
            return thread;
        });
        List<String> failures = new ArrayList<>();
        try (CaseWatcher watcher = new CaseWatcher(options.kafka(), enquiries.externalIdPrefix());
                Fault fault = fault(stack, watcher)) {
            watcher.start();
            fault.prepare();
            long faultDelay = (long) (options.duration().toMillis() * options.faultAt());
            Future<?> injected = timer.schedule(() -> {
                fault.inject();
                return null;
            }, faultDelay, TimeUnit.MILLISECONDS);
            long started = System.currentTimeMillis();
            timer.scheduleAtFixedRate(() -> out.printf("… %d s: %d accepted, %d cases%n",
                    (System.currentTimeMillis() - started) / 1000, sentAt.size(), watcher.arrivals().size()),
                    PROGRESS_INTERVAL.toMillis(), PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);

            int batch = options.batch();
            OpenLoop.Stats posts = new OpenLoop(client, options.maxInFlight(), options.retries(),
                    options.httpTimeout()).run(options.requestRate(), options.duration(),
                            index -> request(enquiries, endpoint, index), (index, sent, response) -> {
                                for (Receipt receipt : receipts(response)) {
                                    if (receipt.enquiryId() == null) {
                                        withoutId.incrementAndGet();
                                        continue;
                                    }
                                    sentAt.putIfAbsent(receipt.enquiryId(), sent);
                                    answeredIds.put(enquiries.externalId(index * batch + receipt.item()),
                                            receipt.enquiryId());
                                    if (receipt.repeat()) {
                                        repeats.incrementAndGet();
                                    }
                                }
                            });
            failures.addAll(awaitFault(injected));
            long deadline = System.nanoTime() + options.timeout().toNanos();
            awaitCases(watcher, sentAt.keySet(), deadline);
            Map<String, Duration> cpuAfter = stack.cpuTimes();
            settle(deadline);
            watcher.awaitQuiet(SETTLE_GRACE, System.nanoTime() + SETTLE_LIMIT.toNanos());
            failures.addAll(fault.check(Set.copyOf(sentAt.keySet())));
            Double cpuPerEnquiry = printCpu(cpuBefore, cpuAfter, sentAt.size());
            out.printf("load average (1, 5, 15 min; %d cores): %s before, %s after%n",
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
            LoadReport report = report(posts, sentAt, answeredIds, watcher, enquiries, started, repeats.get(),
                    withoutId.get(), kafkaBaseline, cpuPerEnquiry, failures);
            for (String failure : report.failures()) {
                out.println("FAILED: " + failure);
            }
            out.println(report.json());
            return report;
        }
        finally {
            timer.shutdownNow();
        }
    }

    private Fault fault(LocalStack stack, CaseWatcher watcher) {
        return switch (options.scenario()) {
            case "kafka-restart" -> new ProcessRestart(stack, "kafka", false);
            case "triage-restart" -> new ProcessRestart(stack, "triage-service", true);
            case "mongo-restart" -> new ProcessRestart(stack, "mongo", false);
            case "duplicate-delivery" -> new DuplicateDelivery(options.kafka(), out);
            case "poison" -> new Poison(options.kafka(), out, watcher);
            default -> Fault.NONE;
        };
    }

    /**
     * Posts for the warm-up time, uncounted, at a quarter of the run's rate, then half, three quarters and the full
     * rate, and waits until triage-service has read them.
     */
    private void warmUp(HttpPoster client, Corpus corpus, URI endpoint, String runId) throws InterruptedException {
        Enquiries warmUp = new Enquiries(corpus, options.channel(), "lt-" + runId + "-warmup-", options.apiKey());
        OpenLoop loop = new OpenLoop(client, options.maxInFlight(), 0, options.httpTimeout());
        long offset = 0;
        for (int step = 1; step <= WARM_UP_STEPS; step++) {
            double rate = options.requestRate() * step / WARM_UP_STEPS;
            long first = offset;
            OpenLoop.Stats posts = loop.run(rate, options.warmup().dividedBy(WARM_UP_STEPS),
                    index -> request(warmUp, endpoint, first + index), (i, sent, r) -> {
                    });
            offset += posts.scheduled();
            out.printf("warm-up at %.0f enquiries/s: %d posts, %d answered 2xx%n", rate * options.batch(),
                    posts.sent(), posts.succeeded());
        }
        settle(System.nanoTime() + options.timeout().toNanos());
    }

    /**
     * Prints the CPU seconds each process used during the run, and per accepted enquiry: where the work goes. Returns
     * the CPU milliseconds per accepted enquiry of the stack's processes (this tool's own left out), {@code null}
     * when no process of the local stack was found.
     */
    private Double printCpu(Map<String, Duration> before, Map<String, Duration> after, long accepted) {
        if (after.size() <= 1) {
            return null;
        }
        Duration stack = Duration.ZERO;
        StringBuilder line = new StringBuilder("CPU used from the first post to the last case, s (ms per accepted "
                + "enquiry):");
        Duration total = Duration.ZERO;
        for (Map.Entry<String, Duration> process : after.entrySet()) {
            Duration used = process.getValue().minus(before.getOrDefault(process.getKey(), Duration.ZERO));
            total = total.plus(used);
            if (!LocalStack.SELF.equals(process.getKey())) {
                stack = stack.plus(used);
            }
            line.append(String.format(Locale.ROOT, " %s %.1f (%.2f);", process.getKey(), used.toMillis() / 1000.0,
                    perEnquiry(used, accepted)));
        }
        line.append(String.format(Locale.ROOT, " all %.1f (%.2f)", total.toMillis() / 1000.0,
                perEnquiry(total, accepted)));
        line.append(String.format(Locale.ROOT, "; the stack without this tool %.1f (%.2f)", stack.toMillis() / 1000.0,
                perEnquiry(stack, accepted)));
        out.println(line);
        return accepted == 0 ? null : perEnquiry(stack, accepted);
    }

    private static double perEnquiry(Duration used, long accepted) {
        return accepted == 0 ? 0.0 : used.toMillis() / (double) accepted;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static List<String> awaitFault(Future<?> injected) throws InterruptedException {
        try {
            injected.get();
            return List.of();
        }
        catch (ExecutionException e) {
            return List.of("the fault could not be injected: " + e.getCause());
        }
    }

    /** The n-th post: one enquiry, or the n-th batch. */
    private HttpPoster.Post request(Enquiries enquiries, URI endpoint, long index) {
        return options.batch() == 1 ? enquiries.request(endpoint, index)
                : enquiries.batch(endpoint, index * options.batch(), options.batch());
    }

    /**
     * What a 2xx answer says became of the enquiries of its post.
     *
     * @param item the enquiry's place in its post (0 for a single post)
     * @param enquiryId the id intake gave it, {@code null} when the answer has none (a batch item rejected)
     * @param repeat whether intake had it already (200, or {@code duplicate} in a batch)
     */
    private record Receipt(int item, String enquiryId, boolean repeat) {
    }

    private List<Receipt> receipts(HttpPoster.Answer answer) {
        JsonNode body;
        try {
            body = json.readTree(answer.body());
        }
        catch (IOException e) {
            return List.of(new Receipt(0, null, false));
        }
        if (options.batch() == 1) {
            String id = body.path("enquiryId").asText("");
            return List.of(new Receipt(0, id.isEmpty() ? null : id, answer.status() == 200));
        }
        List<Receipt> receipts = new ArrayList<>();
        for (JsonNode item : body.path("items")) {
            String id = item.path("enquiryId").asText("");
            receipts.add(new Receipt(item.path("index").asInt(), id.isEmpty() ? null : id,
                    "duplicate".equals(item.path("status").asText())));
        }
        return receipts;
    }

    /** Waits until every accepted enquiry was seen becoming a case, or the deadline. */
    private void awaitCases(CaseWatcher watcher, Set<String> accepted, long deadline) {
        Set<String> waiting = new HashSet<>(accepted);
        long nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
        while (true) {
            waiting.removeIf(watcher.arrivals()::containsKey);
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                return;
            }
            if (System.nanoTime() > nextReport) {
                out.printf("… waiting for %d cases%n", waiting.size());
                nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
            }
            watcher.awaitRecords(PROGRESS_INTERVAL, deadline);
        }
    }

    /**
     * Waits until triage-service has read everything on {@code enquiry-received} (events delivered twice or late
     * included).
     */
    private void settle(long deadline) {
        try (Admin admin = KafkaClients.admin(options.kafka())) {
            if (!Waits.until(() -> lag(admin) == 0, LAG_CHECK_INTERVAL, deadline)) {
                out.printf("triage-service still has %d records of %s to read%n", lag(admin),
                        Topics.ENQUIRY_RECEIVED);
            }
        }
    }

    private static long lag(Admin admin) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(Poison.TRIAGE_GROUP)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().stream().filter(partition -> partition.topic().equals(Topics.ENQUIRY_RECEIVED))
                    .forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().mapToLong(end -> Math.max(0,
                    end.getValue().offset() - committed.get(end.getKey()).offset())).sum();
        }
        catch (ExecutionException e) {
            return 0;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private LoadReport report(OpenLoop.Stats posts, Map<String, Long> sentAt, Map<String, String> answeredIds,
            CaseWatcher watcher, Enquiries enquiries, long started, long repeats, long withoutId,
            Baselines.KafkaResult kafkaBaseline, Double cpuPerEnquiry, List<String> failures) {
        Histogram byTimestamp = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
        Histogram byArrival = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
        Map<String, CaseWatcher.Arrival> arrivals = watcher.arrivals();
        long cases = 0;
        long merged = 0;
        long twoCases = 0;
        long redelivered = 0;
        long lastCase = started;
        List<String> lost = new ArrayList<>();
        for (Map.Entry<String, Long> accepted : sentAt.entrySet()) {
            CaseWatcher.Arrival arrival = arrivals.get(accepted.getKey());
            if (arrival == null) {
                lost.add(accepted.getKey());
                continue;
            }
            cases++;
            merged += arrival.merged() ? 1 : 0;
            twoCases += arrival.opened() > 1 ? 1 : 0;
            redelivered += arrival.records() > arrival.opened() + (arrival.merged() ? 1 : 0) ? 1 : 0;
            byTimestamp.recordValue(Math.min(byTimestamp.getHighestTrackableValue(),
                    Math.max(0, arrival.recordTimestamp() - accepted.getValue())));
            byArrival.recordValue(Math.min(byArrival.getHighestTrackableValue(),
                    Math.max(0, arrival.arrivedAtMillis() - accepted.getValue())));
            lastCase = Math.max(lastCase, arrival.recordTimestamp());
        }
        long twoIds = twoIdsForOneMessage(answeredIds, watcher, enquiries);
        long duplicated = twoCases + twoIds;
        double throughput = cases / Math.max(1e-3, (lastCase - started) / 1000.0);
        long accepted = sentAt.size();
        int batch = options.batch();
        long rejected = posts.scheduled() * batch - accepted;

        out.printf("posts%s: %d scheduled, %d sent (%.0f/s over %.1f s), %d unsent (due while all %d slots waited), "
                + "%d failed %s (%d of them refused with 429/503), %d retried; the generator's own lag at most "
                + "%.1f ms%n", batch == 1 ? "" : " (" + batch + " enquiries each)", posts.scheduled(), posts.sent(),
                posts.sentPerSecond(), posts.sending().toMillis() / 1000.0, posts.unsent(), options.maxInFlight(),
                posts.failed(), posts.failures(), posts.refused(), posts.retries(), posts.maxLagMicros() / 1000.0);
        if (posts.firstFailure() != null) {
            out.println("first failure: " + posts.firstFailure());
        }
        out.printf("accepted: %d (%.0f/s; %d answered 200 as a repeat%s); rejected %d = unsent + failed%n", accepted,
                accepted / Math.max(1e-3, posts.sending().toMillis() / 1000.0), repeats,
                withoutId > 0 ? ", " + withoutId + " answers without an enquiry id" : "", rejected);
        out.printf("post → answer (ms): p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n",
                percentile(posts.responseMicros(), 50) / 1000.0, percentile(posts.responseMicros(), 95) / 1000.0,
                percentile(posts.responseMicros(), 99) / 1000.0, posts.responseMicros().getMaxValue() / 1000.0);
        out.printf("post → refusal (429/503, every attempt; ms): %d refused, p50 %.1f, p99 %.1f, max %.1f%n",
                posts.refusalMicros().getTotalCount(), percentile(posts.refusalMicros(), 50) / 1000.0,
                percentile(posts.refusalMicros(), 99) / 1000.0, posts.refusalMicros().getMaxValue() / 1000.0);
        out.printf("cases: %d of %d accepted (%d merged into another case); lost %d; duplicated %d (%d enquiries with "
                + "two CaseOpened, %d external ids with two enquiry ids); %d enquiries whose case event came twice "
                + "with the same event id (redelivery, not a duplicate)%n", cases, accepted, merged, lost.size(),
                duplicated, twoCases, twoIds, redelivered);
        if (!lost.isEmpty()) {
            out.println("lost, for example: " + lost.stream().limit(5).collect(Collectors.joining(", ")));
        }
        out.printf("post → CaseOpened record timestamp (ms): p50 %d, p95 %d, p99 %d, max %d%n",
                percentile(byTimestamp, 50), percentile(byTimestamp, 95), percentile(byTimestamp, 99),
                byTimestamp.getMaxValue());
        out.printf("post → CaseOpened read by this tool (ms): p50 %d, p95 %d, p99 %d, max %d%n",
                percentile(byArrival, 50), percentile(byArrival, 95), percentile(byArrival, 99),
                byArrival.getMaxValue());
        out.printf("throughput: %.1f cases/s from the first post to the last CaseOpened%n", throughput);
        if (kafkaBaseline != null) {
            out.printf("the pipeline's %.0f cases/s are %.1f %% of the raw broker's %.0f records/s end to end%n",
                    throughput, 100 * throughput / kafkaBaseline.endToEndPerSecond(),
                    kafkaBaseline.endToEndPerSecond());
        }

        List<String> all = new ArrayList<>();
        if (accepted == 0) {
            all.add("no enquiry was accepted");
        }
        if (!lost.isEmpty()) {
            all.add(lost.size() + " accepted enquiries did not become cases within " + options.timeout().toSeconds()
                    + " s");
        }
        if (duplicated > 0) {
            all.add(duplicated + " enquiries were duplicated");
        }
        all.addAll(failures);
        return new LoadReport(posts.sent() * batch, accepted, rejected, cases, lost.size(), duplicated, throughput,
                cases == 0 ? null : percentile(byTimestamp, 50), cases == 0 ? null : percentile(byTimestamp, 99),
                cpuPerEnquiry, posts.refused() * batch,
                posts.refusalMicros().getTotalCount() == 0 ? null : millis(percentile(posts.refusalMicros(), 99)),
                posts.succeeded() == 0 ? null : millis(percentile(posts.responseMicros(), 99)), all);
    }

    /** (channel, external id) pairs of this run that intake gave more than one enquiry id. */
    private static long twoIdsForOneMessage(Map<String, String> answeredIds, CaseWatcher watcher,
            Enquiries enquiries) {
        Map<String, Set<String>> ids = new HashMap<>();
        watcher.enquiryIdsByMessage().forEach((message, enquiryIds) -> ids.put(message, new HashSet<>(enquiryIds)));
        answeredIds.forEach((externalId, enquiryId) -> ids.computeIfAbsent(
                CaseWatcher.messageKey(enquiries.channel(), externalId), key -> new HashSet<>()).add(enquiryId));
        return ids.values().stream().filter(enquiryIds -> enquiryIds.size() > 1).count();
    }

    private static long millis(long micros) {
        return TimeUnit.MICROSECONDS.toMillis(micros + 999);
    }

    private static long percentile(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile);
    }

    private static String trim(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }
}
