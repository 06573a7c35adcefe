package org.enquirytriage.systemtests;

import java.nio.file.Path;

import org.enquirytriage.testsupport.ContainerInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same enquiry flow against real Kafka and MongoDB containers; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class ContainerEnquiryFlowTests extends EnquiryFlowScenarios {

    private final KafkaContainer kafka = new KafkaContainer(ContainerInfrastructure.KAFKA_IMAGE);
    private final MongoDBContainer mongo = new MongoDBContainer(ContainerInfrastructure.MONGODB_IMAGE);
    private RunningSystem system;

    @BeforeAll
    void startSystem() throws Exception {
        kafka.start();
        mongo.start();
        system = new RunningSystem(kafka.getBootstrapServers(), mongo.getHost() + ":" + mongo.getFirstMappedPort(),
                Path.of("target", "system-tests", "containers"));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        mongo.stop();
        kafka.stop();
    }

    @Override
    protected RunningSystem system() {
        return system;
    }
}
