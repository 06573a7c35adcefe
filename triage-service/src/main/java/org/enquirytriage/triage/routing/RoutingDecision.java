package org.enquirytriage.triage.routing;

/**
 * Where a case goes and why.
 *
 * @param department the code of the department responsible for the case
 * @param ruleId the rule that chose the department, {@code null} when the case went to the manual triage desk
 *     because no rule matched or the classification was not confident enough
 * @param rulesVersion the version of the rule set that decided
 * @param reason what decided, in words for staff
 */
public record RoutingDecision(String department, String ruleId, int rulesVersion, String reason) {

    /** Whether the case went to the manual triage desk for want of a rule or of confidence. */
    public boolean manual() {
        return ruleId == null;
    }
}
