package org.enquirytriage.classifier.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.enquirytriage.classifier.LabelModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EvaluateClassifierTests {

    private static final String[] QUICK = { "--inner-folds", "0", "--costs", "1" };

    @TempDir
    Path directory;

    @Test
    void shouldTrainClassifyAndEndWithOneJsonLine() throws Exception {
        List<String> lines = run("--label", "topic", "--train", fixture(), "--test", fixture());

        assertThat(lines).anyMatch(line -> line.startsWith("环境保护"));
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(summary.fieldNames()).toIterable()
                .containsExactly("label", "n", "accuracy", "macro_f1", "recall", "ece", "top_bin", "docs_per_second",
                        "docs_per_second_wall", "enquiries_per_second", "enquiries_per_second_wall");
        assertThat(summary.get("label").asText()).isEqualTo("topic");
        assertThat(summary.get("n").asInt()).isEqualTo(36);
        assertThat(summary.get("macro_f1").asDouble()).isGreaterThan(0.9);
        assertThat(summary.get("recall").fieldNames()).toIterable()
                .containsExactly("劳动和社会保障", "教育文体", "环境保护");
        assertThat(summary.get("recall").get("环境保护").asDouble()).isBetween(0.9, 1.0);
        assertThat(summary.get("ece").asDouble()).isBetween(0.0, 1.0);
        assertThat(summary.get("top_bin").get("n").asInt()).isBetween(1, 36);
        assertThat(summary.get("top_bin").get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(summary.get("docs_per_second").asDouble()).isPositive();
        assertThat(summary.get("enquiries_per_second").asDouble()).isPositive();
        assertThat(lines).anyMatch(line -> line.startsWith("expected calibration error"));
    }

    @Test
    void shouldCrossValidate() throws Exception {
        List<String> lines = run("--label", "topic", "--train", fixture(), "--cv", "3");

        assertThat(lines.get(0)).startsWith("3-fold cross-validation of topic on 36 texts");
        assertThat(new ObjectMapper().readTree(lines.get(lines.size() - 1)).get("n").asInt()).isEqualTo(36);
    }

    @Test
    void shouldTrainAModelFromSeveralFilesThatTheEvaluatorThenReads() throws Exception {
        Path model = directory.resolve("topic.model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrainClassifier.run(with("--label", "topic", "--train", fixture(), "--train", fixture(), "--out",
                model.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(LabelModel.load(model).documents()).isEqualTo(72);
        List<String> lines = run("--label", "topic", "--model", model.toString(), "--test", fixture());
        assertThat(lines.get(0)).startsWith("model " + LabelModel.load(model).version());
    }

    private List<String> run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] timedBriefly = Arrays.copyOf(with(args), args.length + QUICK.length + 2);
        timedBriefly[timedBriefly.length - 2] = "--timing-seconds";
        timedBriefly[timedBriefly.length - 1] = "0.05";
        EvaluateClassifier.run(timedBriefly, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static String[] with(String... args) {
        String[] all = new String[args.length + QUICK.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(QUICK, 0, all, args.length, QUICK.length);
        return all;
    }

    private static String fixture() throws URISyntaxException {
        Path file = Path.of(EvaluateClassifierTests.class.getResource("/topic-fixture.jsonl").toURI());
        assertThat(Files.exists(file)).isTrue();
        return file.toString();
    }
}
