package org.enquirytriage.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.enquirytriage.events.Topics;
import org.enquirytriage.loadtest.LoadReport;
import org.enquirytriage.loadtest.LoadTest;
import org.enquirytriage.loadtest.LoadTestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A short version of the load and fault runs of {@code scripts/load-test}: a few seconds at a low rate through the
 * services as processes, on an embedded broker, with nothing lost and nothing duplicated; also while every event is
 * delivered twice and with poison records on {@code enquiry-received}. No timing is asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadAndFaultTests {

    private static final String RATE = "20";
    private static final String SECONDS = "4";

    private EmbeddedKafkaKraftBroker kafka;
    private MongoServer mongo;
    private RunningSystem system;

    @BeforeAll
    void startSystem() throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.ALL.toArray(String[]::new));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        system = new RunningSystem(kafka.getBrokersAsString(), "127.0.0.1:" + address.getPort(),
                Path.of("target", "system-tests", "load"));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.destroy();
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
                "--gateway", system.gateway("").toString(), "--kafka", kafka.getBrokersAsString(),
                "--api-key", RunningSystem.DEMO_CHANNEL_KEY, "--scenario", scenario, "--timeout", "60" }, Map.of());
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        return new LoadTest(options, out).run();
    }
}
