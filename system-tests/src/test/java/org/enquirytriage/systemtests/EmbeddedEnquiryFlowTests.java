package org.enquirytriage.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The enquiry flow on a real Kafka broker (KRaft) started in the test JVM and the mongo-java-server stand-in. */
class EmbeddedEnquiryFlowTests extends EnquiryFlowScenarios {

    private EmbeddedSystem embedded;

    @BeforeAll
    void startSystem() throws Exception {
        embedded = EmbeddedSystem.start("embedded");
    }

    @AfterAll
    void stopSystem() {
        if (embedded != null) {
            embedded.close();
        }
    }

    @Override
    protected RunningSystem system() {
        return embedded.system();
    }
}
