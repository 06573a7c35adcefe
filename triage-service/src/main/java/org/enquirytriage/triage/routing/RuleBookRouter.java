package org.enquirytriage.triage.routing;

import org.enquirytriage.events.Classification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Routes every case by the current version of the routing rules and counts where cases go. */
class RuleBookRouter implements Router {

    private final RuleBook ruleBook;
    private final MeterRegistry meters;

    RuleBookRouter(RuleBook ruleBook, MeterRegistry meters) {
        this.ruleBook = ruleBook;
        this.meters = meters;
    }

    @Override
    public RoutingDecision route(Classification classification, String regionCode, String text) {
        RoutingDecision decision = ruleBook.rules().route(classification, regionCode, text);
        Counter.builder("triage.routing.decisions").description("Cases routed, by department and by whether a rule "
                + "or the manual triage desk decided")
                .tag("department", decision.department()).tag("by", decision.manual() ? "manual-desk" : "rule")
                .register(meters).increment();
        return decision;
    }
}
