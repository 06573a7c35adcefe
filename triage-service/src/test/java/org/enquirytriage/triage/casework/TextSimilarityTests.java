package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Measures the text similarity of duplicate merging on labelled pairs of real hotline orders
 * ({@code merging/fuzhou-pairs.jsonl}, hard cases only) at the default thresholds.
 */
class TextSimilarityTests {

    private static final double PLACE_THRESHOLD = 0.5;
    private static final double CITIZEN_THRESHOLD = 0.3;

    @Test
    void shouldTellRepeatsAboutTheSamePlaceFromTemplateComplaintsAboutOthers() throws IOException {
        List<Pair> pairs = pairs();

        Score place = score(pairs, PLACE_THRESHOLD);
        Score citizen = score(pairs, CITIZEN_THRESHOLD);

        assertThat(pairs).hasSize(65);
        // measured: precision 0.88, recall 0.70 at 0.5; recall 1.00 at 0.3 (the citizen rule, where the same
        // citizen within a week makes a repeat likely whatever the place)
        assertThat(place.precision()).isGreaterThanOrEqualTo(0.85);
        assertThat(place.recall()).isGreaterThanOrEqualTo(0.65);
        assertThat(citizen.recall()).isEqualTo(1.0);
    }

    @Test
    void shouldScoreTheSameTextOneAndUnrelatedTextsNearZeroWithoutBreakingOnEnglish() {
        assertThat(TextSimilarity.cosine("噪音扰民", "噪音扰民！")).isEqualTo(1.0);
        assertThat(TextSimilarity.cosine("夜间施工噪音扰民", "公积金如何提取")).isZero();
        assertThat(TextSimilarity.cosine("Noise at night, again", "noise at NIGHT again")).isEqualTo(1.0);
        assertThat(TextSimilarity.cosine("", "噪音")).isZero();
        assertThat(TextSimilarity.cosine(null, null)).isZero();
    }

    private static Score score(List<Pair> pairs, double threshold) {
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (Pair pair : pairs) {
            boolean merged = TextSimilarity.cosine(pair.first(), pair.second()) >= threshold;
            if (merged && pair.duplicate()) {
                truePositives++;
            }
            else if (merged) {
                falsePositives++;
            }
            else if (pair.duplicate()) {
                falseNegatives++;
            }
        }
        return new Score((double) truePositives / (truePositives + falsePositives),
                (double) truePositives / (truePositives + falseNegatives));
    }

    private static List<Pair> pairs() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = TextSimilarityTests.class.getResourceAsStream("/merging/fuzhou-pairs.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .map(line -> read(json, line)).toList();
        }
    }

    private static Pair read(ObjectMapper json, String line) {
        try {
            JsonNode node = json.readTree(line);
            return new Pair(node.get("duplicate").asBoolean(),
                    TextSimilarity.of(node.at("/a/subject").asText(), node.at("/a/text").asText()),
                    TextSimilarity.of(node.at("/b/subject").asText(), node.at("/b/text").asText()));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Pair(boolean duplicate, String first, String second) {
    }

    private record Score(double precision, double recall) {
    }
}
