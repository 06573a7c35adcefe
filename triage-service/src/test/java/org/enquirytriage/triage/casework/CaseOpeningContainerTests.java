package org.enquirytriage.triage.casework;

import org.enquirytriage.testsupport.ContainerInfrastructure;
import org.springframework.context.annotation.Import;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The case-opening scenarios on real Kafka and MongoDB in containers; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
@Import(ContainerInfrastructure.class)
class CaseOpeningContainerTests extends CaseOpeningScenarios {
}
