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
 * A short version of the load and fault runs of {@code scripts/load-test}: a few seconds at a low rate through the
 * services as processes, on an embedded broker, with nothing lost and nothing duplicated; also while every event is
 * delivered twice and with poison records on {@code enquiry-received}. No timing is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadAndFaultTests {

    private static final String RATE = "20";
    private static final String SECONDS = "4";

    private EmbeddedSystem embedded;

    @BeforeAll
    void startSystem() throws Exception {
        embedded = EmbeddedSystem.start("load");
    }

    @AfterAll
    void stopSystem() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void shouldTurnEveryAcceptedEnquiryIntoExactlyOneCase() throws Exception {
        LoadReport report = run("none");

        assertThat(report.lost()).as("lost").isZero();
        assertThat(report.duplicated()).as("duplicated").isZero();
    }

    @Test
    void shouldOpenOneCaseForAnEnquiryWhoseEventIsDeliveredTwice() throws Exception {
        LoadReport report = run("duplicate-delivery");

        assertThat(report.lost()).as("lost").isZero();
        assertThat(report.duplicated()).as("duplicated").isZero();
    }

    @Test
    void shouldGoOnPastPoisonRecords() throws Exception {
        LoadReport report = run("poison");

        assertThat(report.lost()).as("lost").isZero();
        assertThat(report.duplicated()).as("duplicated").isZero();
    }

    private LoadReport run(String scenario) throws InterruptedException {
        LoadTestOptions options = LoadTestOptions.parse(new String[] { "--rate", RATE, "--duration", SECONDS,
                "--gateway", embedded.system().gateway("").toString(), "--kafka", embedded.kafkaBootstrapServers(),
                "--api-key", RunningSystem.DEMO_CHANNEL_KEY, "--scenario", scenario, "--timeout", "60" }, Map.of());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        return new LoadTest(options, out).run();
    }
}
