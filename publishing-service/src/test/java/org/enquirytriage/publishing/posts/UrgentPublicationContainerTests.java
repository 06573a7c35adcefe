package org.enquirytriage.publishing.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.enquirytriage.events.QaPublished;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.publishing.qa.ApprovedItems;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaStatus;
import org.enquirytriage.publishing.qa.QaWorkflow;
import org.enquirytriage.testsupport.ContainerInfrastructure;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.fasterxml.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ContainerInfrastructure.class)
@Testcontainers(disabledWithoutDocker = true)
class UrgentPublicationContainerTests {

    @Autowired
    QaWorkflow workflow;

    @Autowired
    CloudEventCodec codec;

    @Autowired
    TestRestTemplate rest;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void shouldPublishAnApprovedUrgentItemAtOnceTellQaEventsAndMakeItSearchable() {
        try (TopicReader reader = new TopicReader(brokers, Topics.QA_EVENTS)) {
            QaItem alert = ApprovedItems.approve(workflow, "接到“社保卡冻结”电话怎么办？", "社保部门不会电话要求转账，这是诈骗，请挂断并拨打110。",
                    "社会保障", "防骗提醒", true, 0);

            assertThat(alert.status()).isEqualTo(QaStatus.PUBLISHED);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(reader.records())
                    .filteredOn(record -> alert.id().equals(record.key()))
                    .anySatisfy(record -> assertThat(codec.decode(record)).containsInstanceOf(QaPublished.class)));
        }
        JsonNode found = rest.getForObject("/api/knowledge/items?q=社保卡冻结电话&series=防骗提醒", JsonNode.class);
        assertThat(found.path("items").findValuesAsText("id")).isNotEmpty();
    }
}
