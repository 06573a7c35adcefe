package org.enquirytriage.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Real Kafka and MongoDB in containers, for the tests that run where Docker exists. */
@TestConfiguration(proxyBeanMethods = false)
public class ContainerInfrastructure {

    public static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:3.9.1");
    public static final DockerImageName MONGODB_IMAGE = DockerImageName.parse("mongo:7.0");

    @Bean
    @ServiceConnection
    KafkaContainer kafkaContainer() {
        return new KafkaContainer(KAFKA_IMAGE);
    }

    @Bean
    @ServiceConnection
    MongoDBContainer mongoDbContainer() {
        return new MongoDBContainer(MONGODB_IMAGE);
    }
}
