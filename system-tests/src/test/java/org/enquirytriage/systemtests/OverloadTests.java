package org.enquirytriage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.enquirytriage.loadtest.LoadReport;
import org.enquirytriage.loadtest.LoadTest;
import org.enquirytriage.loadtest.LoadTestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Overload: the gateway and intake run with admission limits of a few requests in progress, and the load tool posts
 * far more at once than that. Some posts must be refused (429 or 503, at once), and every post that was accepted
 * must still become exactly one case. A refused post is tried twice more, as a channel adapter would, with the same
 * external id (so a post the gateway gave up on while intake still took it comes back as the same enquiry). No
 * timing is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverloadTests {

    /** Two posts at a time through the gateway, one inside intake. */
    private static final String SMALL_LIMITS = """
            {"gateway": {"admission": {"max-concurrent": {"intake": 2}}},
             "intake": {"admission": {"max-concurrent": 1}}}""";

    private EmbeddedSystem embedded;

    @BeforeAll
    void startSystem() throws Exception {
        embedded = EmbeddedSystem.start("overload", Map.of("SPRING_APPLICATION_JSON", SMALL_LIMITS));
    }

    @AfterAll
    void stopSystem() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void shouldRefuseTheExcessAndLoseNoneOfWhatItAccepted() throws Exception {
        LoadTestOptions options = LoadTestOptions.parse(new String[] { "--rate", "150", "--duration", "3",
                "--gateway", embedded.system().gateway("").toString(), "--kafka", embedded.kafkaBootstrapServers(),
                "--api-key", RunningSystem.DEMO_CHANNEL_KEY, "--retries", "2", "--timeout", "90" }, Map.of());

        LoadReport report = new LoadTest(options, new PrintStream(System.out, true, StandardCharsets.UTF_8)).run();

        assertThat(report.refused()).as("refused with 429/503").isPositive();
        assertThat(report.accepted()).as("accepted").isPositive();
        assertThat(report.cases()).as("cases").isEqualTo(report.accepted());
        assertThat(report.lost()).as("lost").isZero();
        assertThat(report.duplicated()).as("duplicated").isZero();
    }
}
