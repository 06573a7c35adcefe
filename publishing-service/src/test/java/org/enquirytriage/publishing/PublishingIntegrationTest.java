package org.enquirytriage.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.DomainEvent;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.enquirytriage.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The one Spring context the flow tests share (a real embedded Kafka broker, an in-memory MongoDB): every test class
 * extends this one and adds nothing to the context, so it starts once. Tests keep apart by their own ids, topics
 * and series.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure
public abstract class PublishingIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    @Autowired
    protected CloudEventCodec codec;

    @Autowired
    protected MongoTemplate mongo;

    /** Sends no token. */
    @Autowired
    protected TestRestTemplate rest;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String brokers;

    @LocalServerPort
    protected int port;

    /** Calls the service with the token of this caller. */
    protected TestRestTemplate as(StaffMember caller) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, StaffAuthentication.bearer(caller)));
    }

    protected TestRestTemplate editor() {
        return as(StaffAuthentication.editor());
    }

    /** Publishes an event as another service would, and waits until the broker has it. */
    protected void publish(DomainEvent event) {
        try {
            kafka.send(codec.toRecord(codec.toOutbox(event))).get(10, TimeUnit.SECONDS);
        }
        catch (Exception e) {
            throw new AssertionError("Could not publish " + event, e);
        }
    }

    /** The records of a topic with this key, decoded. */
    protected List<DomainEvent> events(TopicReader reader, String key) {
        return reader.records().stream().filter(record -> key.equals(record.key()))
                .map(this::decode).toList();
    }

    private DomainEvent decode(ConsumerRecord<String, byte[]> record) {
        return codec.decode(record).orElseThrow();
    }
}
