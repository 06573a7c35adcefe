package org.enquirytriage.triage.routing.web;

import java.util.List;

import org.enquirytriage.triage.routing.RoutingRule;

/**
 * A new rule set to replace the current one.
 *
 * @param basedOn the version the editor changed (or send it as {@code If-Match})
 * @param comment why the rules change
 * @param rules the whole rule set, in the order the rules are tried
 */
record RuleSetChange(Integer basedOn, String comment, List<RoutingRule> rules) {
}
