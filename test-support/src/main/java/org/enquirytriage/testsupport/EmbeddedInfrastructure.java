package org.enquirytriage.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs a Spring Boot test against a real Kafka broker in KRaft mode started in the test JVM and an in-memory
 * MongoDB stand-in: the infrastructure of the system on a machine without Docker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EmbeddedKafka(kraft = true, partitions = 2)
@Import(EmbeddedMongoConfiguration.class)
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "messaging.partitions=2" })
public @interface EmbeddedInfrastructure {
}
