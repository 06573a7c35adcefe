package org.enquirytriage.triage.casework;

import org.enquirytriage.testsupport.EmbeddedInfrastructure;

/** The case-opening scenarios on an embedded Kafka broker and an in-memory MongoDB stand-in. */
@EmbeddedInfrastructure
class CaseOpeningEmbeddedTests extends CaseOpeningScenarios {
}
