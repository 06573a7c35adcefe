package org.enquirytriage.intake;

import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;

/** The intake flow on an embedded KRaft Kafka broker and the in-memory MongoDB stand-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedInfrastructure
class EnquiryIntakeTests extends EnquiryIntakeScenarios {
}
