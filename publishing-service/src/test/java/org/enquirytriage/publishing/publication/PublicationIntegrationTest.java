package org.enquirytriage.publishing.publication;

import java.time.Duration;

import org.enquirytriage.publishing.posts.Poster;
import org.enquirytriage.publishing.qa.QaWorkflow;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.EmbeddedMongoConfiguration;
import org.enquirytriage.testsupport.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The one Spring context of the publication tests: an embedded Kafka broker and MongoDB stand-in, a clock the tests
 * set, a fake WeChat API and a webhook receiver (WireMock) configured as the two outlets, the in-call retry quick and
 * the sweep left to the tests. Tests keep apart by their own items, and match requests by them. Its broker's address
 * goes to a system property of its own: under the usual {@code spring.embedded.kafka.brokers} it would replace the
 * address the other flow tests' context reads when a test of theirs runs after these (and since the embedded broker
 * sets that one too, it is given back after each class). The context is closed after each class, so that its broker
 * and listeners are gone before the other flow tests run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(kraft = true, partitions = 2, bootstrapServersProperty = PublicationIntegrationTest.BROKERS)
@Import({ EmbeddedMongoConfiguration.class, PublicationIntegrationTest.FixedClock.class })
@TestPropertySource(properties = { "spring.kafka.bootstrap-servers=${" + PublicationIntegrationTest.BROKERS + "}",
        "messaging.partitions=2" })
@DirtiesContext
public abstract class PublicationIntegrationTest {

    /** The system property with this context's broker address. */
    public static final String BROKERS = "publication.test.kafka.brokers";

    private static final String OTHERS_BROKERS = "spring.embedded.kafka.brokers";

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final String WEBHOOK_SECRET = "test-webhook-secret";
    protected static final String WEBHOOK_PATH = "/hooks/qa";

    protected static final WireMockServer WECHAT = started();
    protected static final WireMockServer WEBHOOK = started();

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected QaWorkflow workflow;

    @Autowired
    protected Poster poster;

    @Autowired
    protected TestRestTemplate rest;

    @LocalServerPort
    protected int port;

    /** The broker address of the other flow tests' context, which an embedded broker's start replaces. */
    private static String othersBrokers;

    @BeforeAll
    static void rememberTheOtherBrokers() {
        othersBrokers = System.getProperty(OTHERS_BROKERS);
    }

    @AfterAll
    static void giveTheOtherBrokersBack() {
        if (othersBrokers == null) {
            System.clearProperty(OTHERS_BROKERS);
        }
        else {
            System.setProperty(OTHERS_BROKERS, othersBrokers);
        }
    }

    @DynamicPropertySource
    static void outlets(DynamicPropertyRegistry registry) {
        String prefix = "publishing.publication.";
        registry.add(prefix + "outlets.wechat.enabled", () -> "true");
        registry.add(prefix + "outlets.wechat.url", WECHAT::baseUrl);
        registry.add(prefix + "outlets.wechat.app-id", () -> "wx-test-app");
        registry.add(prefix + "outlets.wechat.app-secret", () -> "wx-test-secret");
        registry.add(prefix + "outlets.wechat.thumb-media-id", () -> "thumb-1");
        registry.add(prefix + "outlets.webhook.enabled", () -> "true");
        registry.add(prefix + "outlets.webhook.url", () -> WEBHOOK.baseUrl() + WEBHOOK_PATH);
        registry.add(prefix + "outlets.webhook.secret", () -> WEBHOOK_SECRET);
        registry.add(prefix + "delivery.sweep-interval", () -> "1h");
        registry.add(prefix + "site.base-url", () -> "https://qa.example.gov.cn");
        registry.add("resilience4j.retry.instances.publication-outlets.wait-duration", () -> "10ms");
    }

    /** Calls the service with the token of this caller. */
    protected TestRestTemplate as(StaffMember caller) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, StaffAuthentication.bearer(caller)));
    }

    protected TestRestTemplate editor() {
        return as(StaffAuthentication.editor());
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    /** The clock every bean of the context uses. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }
}
