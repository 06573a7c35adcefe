package org.enquirytriage.systemtests;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import org.enquirytriage.events.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The enquiry flow on a real Kafka broker (KRaft) started in the test JVM and the mongo-java-server stand-in. */
class EmbeddedEnquiryFlowTests extends EnquiryFlowScenarios {

    private EmbeddedKafkaKraftBroker kafka;
    private MongoServer mongo;
    private RunningSystem system;

    @BeforeAll
    void startSystem() throws Exception {
        kafka = new EmbeddedKafkaKraftBroker(1, 3, Topics.ALL.toArray(String[]::new));
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        system = new RunningSystem(kafka.getBrokersAsString(), "127.0.0.1:" + address.getPort(),
                Path.of("target", "system-tests", "embedded"));
    }

    @AfterAll
    void stopSystem() {
        if (system != null) {
            system.close();
        }
        if (mongo != null) {
            mongo.shutdownNow();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Override
    protected RunningSystem system() {
        return system;
    }
}
