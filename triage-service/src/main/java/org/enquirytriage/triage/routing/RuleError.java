package org.enquirytriage.triage.routing;

/**
 * What is wrong with a rule set, and where.
 *
 * @param field the path of the wrong value, such as {@code rules[2].department}
 * @param message what is wrong with it
 */
public record RuleError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
