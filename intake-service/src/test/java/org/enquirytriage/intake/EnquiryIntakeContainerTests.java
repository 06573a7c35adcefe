package org.enquirytriage.intake;

import org.enquirytriage.testsupport.ContainerInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The intake flow against real Kafka and MongoDB containers; skipped where Docker is missing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ContainerInfrastructure.class)
@Testcontainers(disabledWithoutDocker = true)
class EnquiryIntakeContainerTests extends EnquiryIntakeScenarios {
}
