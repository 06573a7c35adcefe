package org.enquirytriage.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LoadTestOptionsTests {

    @Test
    void shouldReadTheDocumentedOptions() {
        LoadTestOptions options = LoadTestOptions.parse(new String[] { "--rate", "2000", "--duration", "60",
                "--gateway", "http://gateway:8080/", "--corpus", "messages.jsonl", "--kafka", "kafka:9092",
                "--api-key", "etk_secret", "--scenario", "poison", "--timeout", "30", "--baseline" }, Map.of());

        assertThat(options.rate()).isEqualTo(2000);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.gateway()).isEqualTo(URI.create("http://gateway:8080"));
        assertThat(options.corpus()).hasToString("messages.jsonl");
        assertThat(options.kafka()).isEqualTo("kafka:9092");
        assertThat(options.apiKey()).isEqualTo("etk_secret");
        assertThat(options.scenario()).isEqualTo("poison");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.baseline()).isTrue();
        assertThat(options.scheduled()).isEqualTo(120_000);
    }

    @Test
    void shouldTakeTheApiKeyFromTheEnvironmentWhenNotGiven() {
        LoadTestOptions options = LoadTestOptions.parse(new String[] { "--rate=10", "--duration=5" },
                Map.of(LoadTestOptions.API_KEY_VARIABLE, "etk_from_env"));

        assertThat(options.apiKey()).isEqualTo("etk_from_env");
        assertThat(options.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.scenario()).isEqualTo("none");
        assertThat(options.retries()).isZero();
    }

    @Test
    void shouldRetryFailedPostsInTheFaultScenarios() {
        LoadTestOptions options = LoadTestOptions.parse(new String[] { "--rate", "10", "--duration", "5",
                "--scenario", "mongo-restart" }, Map.of());

        assertThat(options.retries()).isEqualTo(5);
    }

    @Test
    void shouldPostBatchesAtTheSameRateOfEnquiries() {
        LoadTestOptions options = LoadTestOptions.parse(new String[] { "--rate", "2000", "--duration", "60",
                "--batch", "500", "--connections", "8" }, Map.of());

        assertThat(options.requestRate()).isEqualTo(4);
        assertThat(options.scheduled()).isEqualTo(120_000);
        assertThat(options.enquiriesPath()).isEqualTo("/api/enquiries/batch");
        assertThat(options.connections()).isEqualTo(8);
        assertThat(LoadTestOptions.parse(new String[] { "--rate", "5", "--duration", "1" }, Map.of())
                .enquiriesPath()).isEqualTo("/api/enquiries");
    }

    @Test
    void shouldRefuseABatchLargerThanIntakeTakes() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestOptions.parse(
                new String[] { "--rate", "1", "--duration", "1", "--batch", "501" }, Map.of()))
                .withMessageContaining("--batch");
    }

    @Test
    void shouldRefuseAnUnknownScenarioOrOption() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestOptions.parse(
                new String[] { "--rate", "1", "--duration", "1", "--scenario", "flood" }, Map.of()))
                .withMessageContaining("flood");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestOptions.parse(
                new String[] { "--rate", "1", "--duration", "1", "--speed", "9" }, Map.of()))
                .withMessageContaining("--speed");
    }

    @Test
    void shouldRequireARateAndADuration() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestOptions.parse(
                new String[] { "--rate", "1" }, Map.of())).withMessageContaining("--duration");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestOptions.parse(
                new String[] { "--rate", "fast", "--duration", "1" }, Map.of())).withMessageContaining("fast");
    }
}
