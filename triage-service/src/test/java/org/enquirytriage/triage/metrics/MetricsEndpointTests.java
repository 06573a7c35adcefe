package org.enquirytriage.triage.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.enquirytriage.security.test.StaffAuthentication.as;
import static org.enquirytriage.security.test.StaffAuthentication.staff;
import static org.enquirytriage.security.test.StaffAuthentication.supervisor;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.events.SatisfactionRated;
import org.enquirytriage.events.Topics;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.enquirytriage.triage.IntakeStandIn;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseFixtures;
import org.enquirytriage.triage.casework.CaseStatus;
import org.enquirytriage.triage.casework.Cases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A case opened from an enquiry, accepted, answered, resolved and rated shows on {@code /actuator/prometheus} as a
 * supervisor's dashboard reads it: cases opened by kind, topic, department and priority, the turnaround histograms,
 * the SLA outcomes, the classifier's confidence, the backlog and the three rates of its department, and the Kafka
 * consumers' lag. Other test contexts may share the broker and the database, so counts are at least one.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
@EmbeddedInfrastructure
class MetricsEndpointTests {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    IntakeStandIn intake;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MockMvc mvc;

    @Autowired
    Cases cases;

    @Autowired
    CaseFiguresGauges figures;

    @Test
    void shouldShowACaseTakenThroughItsLifeOnThePrometheusEndpoint() throws Exception {
        mongo.remove(new Query(), "cases");
        // the metrics' consumer group starts at the end of the topic: it must be there before the events are
        ContainerTestUtils.waitForAssignment(listeners.getListenerContainer(CaseEventMetricsHandler.GROUP),
                kafka.partitionsFor(Topics.CASE_EVENTS).size());
        String id = UUID.randomUUID().toString();
        intake.publish(CaseFixtures.enquiry(id));
        Case opened = await().atMost(PATIENCE).until(() -> cases.findById(id).orElse(null), c -> c != null);
        String department = opened.department();
        var clerk = as(staff(department));

        mvc.perform(post("/api/cases/{id}/accept", id).with(clerk)).andExpect(status().isOk());
        mvc.perform(post("/api/cases/{id}/answer", id).with(clerk).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"已安排执法人员核查，施工已停止。\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/cases/{id}/resolve", id).with(clerk).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\":\"现场核查完毕\"}")).andExpect(status().isOk());
        intake.publish(new SatisfactionRated(UUID.randomUUID().toString(), Instant.now(), id, id,
                Satisfaction.SATISFIED, null));
        await().atMost(PATIENCE).until(() -> cases.findById(id).orElseThrow().status() == CaseStatus.CLOSED);
        String kind = opened.classification().kind().name();
        String ofTheCase = "department=\"" + department + "\",kind=\"" + kind + "\"";
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scrape())
                .contains("triage_resolution_seconds_count{application=\"triage-service\"," + ofTheCase)
                .containsPattern(series("triage_satisfaction_ratings_total", "department=\"" + department
                        + "\",rating=\"SATISFIED\"") + " [1-9]"));
        figures.refresh();

        String metrics = scrape();

        assertThat(metrics)
                .containsPattern(series("triage_cases_opened_total", ofTheCase + ",priority=\""
                        + opened.classification().priority() + "\",topic=\"" + opened.classification().topic()
                        + "\"") + " [1-9]")
                .contains("triage_routing_decisions_total{")
                .containsPattern(series("triage_first_response_seconds_bucket", ofTheCase + ",le=\"1800.0\"")
                        + " [1-9]")
                .containsPattern(series("triage_first_response_working_seconds_count", ofTheCase) + " [1-9]")
                .contains("triage_resolution_working_seconds_bucket{application=\"triage-service\"," + ofTheCase)
                .containsPattern(series("triage_sla_outcomes_total", "clock=\"FIRST_RESPONSE\"," + ofTheCase
                        + ",outcome=\"within_limit\"") + " [1-9]")
                .containsPattern(series("triage_sla_outcomes_total", "clock=\"RESOLUTION\"," + ofTheCase
                        + ",outcome=\"within_limit\"") + " [1-9]")
                .contains("triage_sla_breaches_total{application=\"triage-service\",clock=\"RESOLUTION\",")
                .containsPattern(series("triage_classification_confidence_percent_bucket", "kind=\"" + kind
                        + "\",le=\"100.0\"") + " [1-9]")
                .contains("triage_cases_open{application=\"triage-service\",department=\"" + department + "\"} 0.0")
                .contains("triage_cases_overdue{application=\"triage-service\",department=\"" + department
                        + "\"} 0.0")
                .containsPattern(series("triage_rates_cases", "counted=\"satisfied\",department=\"" + department
                        + "\"") + " [1-9]")
                .contains("triage_satisfaction_rate_ratio{application=\"triage-service\",department=\"" + department
                        + "\"} 1.0")
                .contains("kafka_consumer_fetch_manager_records_lag_max{")
                .doesNotContain(id);
        JsonNode rates = objectMapper.readTree(mvc.perform(get("/api/supervision/rates")
                .param("department", department).with(as(supervisor()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(gauge(metrics, "triage_response_rate_ratio", department))
                .isEqualTo(rates.get("responseRate").asDouble());
        assertThat(gauge(metrics, "triage_resolution_rate_ratio", department))
                .isEqualTo(rates.get("resolutionRate").asDouble());
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** The pattern of a series of the triage service: its name and labels, up to the value. */
    private static String series(String name, String labels) {
        return Pattern.quote(name + "{application=\"triage-service\"," + labels + "}");
    }

    private static double gauge(String metrics, String name, String department) {
        Matcher value = Pattern.compile("(?m)^" + name + "\\{application=\"triage-service\",department=\""
                + Pattern.quote(department) + "\"} (\\S+)$").matcher(metrics);
        assertThat(value.find()).as("%s of %s", name, department).isTrue();
        return Double.parseDouble(value.group(1));
    }
}
