package org.enquirytriage.publishing.surges;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.mining.EvaluateHotQuestions;
import org.enquirytriage.publishing.mining.InMemoryGroupStore;
import org.enquirytriage.publishing.mining.Message;
import org.enquirytriage.publishing.mining.QuestionClusterer;
import org.enquirytriage.publishing.mining.TextFeatures;
import org.springframework.boot.context.properties.bind.Binder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The surge evaluation command: replays the messages of a JSON Lines file in time order through the service's own
 * grouping and {@link SurgeDetector} (settings from {@code application.yml}, in-memory stores) on replay time, and
 * prints one JSON line per alert and, last, the counts and the speed.
 */
public final class EvaluateSurges {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private EvaluateSurges() {
    }

    private record Row(JsonNode id, Message message) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path input = null;
        double speed = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = Path.of(args[++i]);
                case "--speed" -> speed = Double.parseDouble(args[++i]);
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
        ObjectMapper json = new ObjectMapper();
        List<Row> rows = new ArrayList<>();
        for (EvaluateHotQuestions.Row row : EvaluateHotQuestions.rows(input, json)) {
            JsonNode fields = row.fields();
            rows.add(new Row(row.id(), new Message(row.id().asText(),
                    EvaluateHotQuestions.text(fields, "subject", "title"),
                    EvaluateHotQuestions.text(fields, "text", "content"),
                    EvaluateHotQuestions.text(fields, "user", "user"),
                    EvaluateHotQuestions.text(fields, "topic", "topic"), null,
                    EvaluateHotQuestions.text(fields, "department", "department"),
                    EvaluateHotQuestions.time(EvaluateHotQuestions.text(fields, "time", "date")))));
        }
        rows.sort(Comparator.comparing((Row row) -> row.message().at()));
        Map<String, JsonNode> ids = new HashMap<>();
        rows.forEach(row -> ids.put(row.message().id(), row.id()));

        PublishingProperties properties = EvaluateHotQuestions.settings();
        SurgeSettings settings = settings();
        Replay replay = new Replay(properties, settings);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        int alerts = 0;
        long started = System.nanoTime();
        Instant previous = null;
        for (Row row : rows) {
            if (speed > 0 && previous != null) {
                long millis = (long) ((row.message().at().toEpochMilli() - previous.toEpochMilli()) / speed);
                if (millis > 0) {
                    Thread.sleep(millis);
                }
            }
            previous = row.message().at();
            for (SurgeDetector.Surge surge : replay.observe(row.message())) {
                alerts++;
                ObjectNode alert = json.createObjectNode();
                alert.put("level", surge.level().name());
                alert.put("detected_at", surge.detectedAt().atZone(ZONE).toOffsetDateTime().toString());
                alert.put("first_at", surge.firstAt().atZone(ZONE).toOffsetDateTime().toString());
                surge.messageIds().forEach(id -> alert.withArray("ids").add(ids.get(id)));
                alert.put("label", surge.subject().label());
                alert.put("scope", surge.subject().scope());
                alert.put("surge", surge.surgeId());
                alert.put("raised", surge.raised());
                out.println(json.writeValueAsString(alert));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        ObjectNode summary = json.createObjectNode();
        summary.put("alerts", alerts);
        summary.put("messages", rows.size());
        summary.put("messages_per_second", Math.round(rows.size() / seconds * 10) / 10.0);
        out.println(json.writeValueAsString(summary));
    }

    /** The surge settings of {@code application.yml} ({@code publishing.surges}), or the defaults. */
    static SurgeSettings settings() throws IOException {
        return Binder.get(EvaluateHotQuestions.environment()).bind("publishing.surges", SurgeSettings.class)
                .orElseGet(SurgeSettings::defaults);
    }

    /** The grouping and the detector, as the service runs them, over in-memory stores. */
    static final class Replay {

        private final QuestionClusterer clusterer;
        private final SurgeDetector detector;
        private final int headLength;

        Replay(PublishingProperties properties, SurgeSettings settings) {
            clusterer = new QuestionClusterer(properties.mining(), new TextFeatures(), new InMemoryGroupStore());
            detector = new SurgeDetector(settings, new InMemorySurgeCounts(settings.window().toSeconds()));
            headLength = properties.mining().headLength();
        }

        List<SurgeDetector.Surge> observe(Message message) {
            List<SurgeDetector.Subject> subjects = new ArrayList<>();
            clusterer.add(message).ifPresent(assignment -> subjects.add(new SurgeDetector.Subject("GROUP",
                    assignment.groupId(), clusterer.question(assignment.groupId()).orElse(""))));
            TextFeatures.placesOf(message.subject(), message.text(), headLength)
                    .forEach(place -> subjects.add(new SurgeDetector.Subject("PLACE", place, place)));
            if (message.topic() != null) {
                subjects.add(new SurgeDetector.Subject("TOPIC", message.topic(), message.topic()));
            }
            if (message.department() != null) {
                subjects.add(new SurgeDetector.Subject("DEPARTMENT", message.department(), message.department()));
            }
            return detector.observe(new SurgeDetector.Observation(message.id(), message.at(), message.department(),
                    subjects));
        }
    }

    private static void usage() {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        out.println("""
                usage: evaluate-surges --input FILE [--speed X]
                  Replays the messages of FILE (JSON Lines: id, subject, text, time; optional topic, department)
                  in time order through the service's grouping and surge detector, on replay time, as fast as it
                  can (or X times real time), and prints one line per alert
                  {"level","detected_at","first_at","ids","label","scope","surge","raised"}, then
                  {"alerts","messages","messages_per_second"}.""");
    }
}
