package org.enquirytriage.triage.routing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The routing settings: the departments, the default rules and when a case goes to the manual triage desk (whose
 * department code is {@code triage.triage-desk}).
 *
 * @param manualDeskBelow a case whose classification confidence is below this goes to the manual triage desk
 *     whatever the rules say; if the classifier has a confidence threshold of its own
 *     ({@code triage.classification.*}), that one governs what the classifier reports and this one alone decides
 *     routing
 * @param maxRules the most rules a rule set may have
 * @param refreshInterval how often a running instance checks the database for a rule set version written by
 *     another instance (a change made through this instance applies at once)
 * @param departments the departments cases can be routed to, the manual triage desk among them
 * @param rules the default rules, in the order they are tried (the first that matches decides): version 1 of the
 *     rule set when the database holds none
 */
@ConfigurationProperties("triage.routing")
public record RoutingProperties(@DefaultValue("0.5") double manualDeskBelow, @DefaultValue("200") int maxRules,
        @DefaultValue("10s") Duration refreshInterval, List<Department> departments, List<RoutingRule> rules) {

    public RoutingProperties {
        departments = departments == null ? List.of() : List.copyOf(departments);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
