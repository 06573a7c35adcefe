package org.enquirytriage.triage.routing;

import java.util.List;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;

/** Rules, departments and classifications for the routing tests. */
final class RoutingFixtures {

    static final String DESK = "triage-desk";

    static final List<Department> DEPARTMENTS = List.of(
            new Department(DESK, "人工分拨席", "Manual triage desk"),
            new Department("housing-construction", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau"),
            new Department("ecology-environment", "生态环境局", "Ecology and Environment Bureau"),
            new Department("labour-inspection", "劳动保障监察支队", "Labour Inspection Brigade"),
            new Department("transport", "交通运输局", "Transport Bureau"),
            new Department("changsha-transport", "长沙市交通运输局", "Changsha Municipal Transport Bureau"));

    private RoutingFixtures() {
    }

    static RoutingRule rule(String id, String topic, String department) {
        return new RoutingRule(id, topic, List.of(), List.of(), null, department);
    }

    static RoutingRule regional(String id, String topic, List<String> regions, String department) {
        return new RoutingRule(id, topic, regions, List.of(), null, department);
    }

    static RoutingRule keywords(String id, String topic, List<String> keywords, String department) {
        return new RoutingRule(id, topic, List.of(), keywords, null, department);
    }

    static RoutingRule ofKind(String id, String topic, EnquiryKind kind, String department) {
        return new RoutingRule(id, topic, List.of(), List.of(), kind, department);
    }

    static Classification classified(String topic, double confidence) {
        return classified(topic, EnquiryKind.PROBLEM_REPORT, confidence);
    }

    static Classification classified(String topic, EnquiryKind kind, double confidence) {
        return new Classification(kind, topic, Priority.NORMAL, confidence, "test-model", List.of());
    }

    static RoutingProperties properties(List<RoutingRule> defaults) {
        return new RoutingProperties(0.5, 200, java.time.Duration.ofSeconds(10), DEPARTMENTS, defaults);
    }
}
