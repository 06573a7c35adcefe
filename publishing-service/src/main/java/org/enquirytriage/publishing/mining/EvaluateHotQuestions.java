package org.enquirytriage.publishing.mining;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The evaluation command: groups the messages of a JSON Lines file exactly as the service groups the questions of
 * opened cases (same {@link QuestionClusterer}, same settings from {@code application.yml}, overridable with
 * {@code -Dpublishing.mining.threshold=…}), prints the largest groups one JSON object a line and, last, the counts
 * and the speed. Accepts {@code id}/{@code subject}/{@code text}/{@code time}/{@code user} and the sample files'
 * {@code title}/{@code content}/{@code date}; a line without an id is known by its line number.
 */
public final class EvaluateHotQuestions {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("[yyyy-MM-dd][M/d/yyyy][ H:mm[:ss]]");

    private EvaluateHotQuestions() {
    }

    public static void main(String[] args) throws IOException {
        Path input = null;
        Path issues = null;
        int top = 10;
        boolean warmUp = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--issues" -> issues = Path.of(args[++i]);
                case "--no-warm-up" -> warmUp = false;
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i] + "; see --help");
            }
        }
        if (input == null) {
            usage();
            System.exit(2);
        }
        PublishingProperties properties = settings();
        ObjectMapper json = new ObjectMapper();
        List<Message> messages = new ArrayList<>();
        Map<String, JsonNode> ids = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (Row row : rows(input, json)) {
            String key = row.id().asText();
            ids.put(key, row.id());
            JsonNode fields = row.fields();
            texts.put(key, text(fields, "subject", "title") + " " + text(fields, "text", "content"));
            messages.add(new Message(key, text(fields, "subject", "title"), text(fields, "text", "content"),
                    text(fields, "user", "user"), text(fields, "topic", "topic"), text(fields, "kind", "type"), null,
                    time(text(fields, "time", "date"))));
        }

        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        if (warmUp) {
            QuestionClusterer coldRun = new QuestionClusterer(properties.mining(), new TextFeatures(),
                    new InMemoryGroupStore());
            messages.forEach(coldRun::add);
        }
        long started = System.nanoTime();
        long startedCpu = threads.getCurrentThreadCpuTime();
        List<GroupView> groups;
        {
            QuestionClusterer clusterer = new QuestionClusterer(properties.mining(), new TextFeatures(),
                    new InMemoryGroupStore());
            for (Message message : messages) {
                clusterer.add(message);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e9;
            Instant end = messages.stream().map(Message::at).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
            groups = new ArrayList<>(clusterer.groups(end));
            groups.sort(Comparator.comparingInt(GroupView::citizens).reversed()
                    .thenComparing(Comparator.comparingInt(GroupView::messages).reversed())
                    .thenComparing(GroupView::firstAt));
            PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
            for (int rank = 0; rank < Math.min(top, groups.size()); rank++) {
                GroupView group = groups.get(rank);
                ObjectNode line = json.createObjectNode();
                line.put("rank", rank + 1);
                line.put("size", group.citizens());
                line.put("question", group.question());
                group.memberIds().forEach(id -> line.withArray("ids").add(ids.get(id)));
                out.println(json.writeValueAsString(line));
            }
            int whole = 0;
            List<KnownIssue> known = issues == null ? List.of() : KnownIssue.read(issues, json);
            for (KnownIssue issue : known) {
                ObjectNode line = issue.measure(texts, groups, json);
                out.println(json.writeValueAsString(line));
                whole += line.get("whole").asDouble() >= 0.8 ? 1 : 0;
            }
            ObjectNode summary = json.createObjectNode();
            summary.put("messages", messages.size());
            summary.put("groups", groups.size());
            summary.put("messages_per_second", Math.round(messages.size() / seconds * 10) / 10.0);
            summary.put("messages_per_cpu_second", Math.round(messages.size() / cpuSeconds * 10) / 10.0);
            summary.put("warmed_up", warmUp);
            if (!known.isEmpty()) {
                summary.put("issues_at_least_80_percent_whole", whole + " of " + known.size());
            }
            out.println(json.writeValueAsString(summary));
        }
    }

    /** The service's own settings: application.yml, with system properties and environment variables over it. */
    public static PublishingProperties settings() throws IOException {
        return Binder.get(environment()).bindOrCreate("publishing", PublishingProperties.class);
    }

    /** The service's application.yml, with system properties and environment variables over it. */
    public static StandardEnvironment environment() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return environment;
    }

    /** A line of the input file: its {@code id} (or its line number when it has none) and its fields. */
    public record Row(JsonNode id, JsonNode fields) {
    }

    /** The non-blank lines of a JSON-lines file, in file order. */
    public static List<Row> rows(Path input, ObjectMapper json) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                rows.add(new Row(row.hasNonNull("id") ? row.get("id") : JsonNodeFactory.instance.numberNode(number),
                        row));
            }
        }
        return rows;
    }

    public static String text(JsonNode row, String field, String alternative) {
        JsonNode value = row.hasNonNull(field) ? row.get(field) : row.get(alternative);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException notAnInstant) {
            var parsed = LOCAL_TIME.parseBest(text.strip(), LocalDateTime::from, LocalDate::from);
            LocalDateTime local = parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
            return local.atZone(ZONE).toInstant();
        }
    }

    private static void usage() {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        out.println("""
                usage: evaluate-hot-questions --input FILE [--top N] [--issues FILE] [--no-warm-up]
                  Groups the messages of FILE (JSON Lines: id, subject, text, optional time, user; or title,
                  content, date) as the publishing service does and prints the N largest groups (default 10), one
                  JSON object a line ({"rank","size","question","ids"}; size = different citizens), then
                  {"messages","groups","messages_per_second","messages_per_cpu_second","warmed_up"}: the file is
                  grouped once to warm up, then timed on a second pass into a fresh store (--no-warm-up: the first).
                  --issues: JSON Lines of known issues {"issue","all":[words],"any":[words]}; a message is the
                  issue's when its subject and text hold all the "all" words and one of the "any" words (if any);
                  prints {"issue","messages","largest_group","whole","others_in_it"} per issue: the share of the
                  issue's messages in the one group holding most of them, and how many other messages that group
                  holds.
                  Tune with -Dpublishing.mining.threshold=0.4 etc.""");
    }
}
