package org.enquirytriage.triage.casework;

/**
 * An action the case's status allows was refused by a rule of the case, such as the transfer window or the longest
 * extension; the message says which rule.
 */
public class CaseRuleException extends RuntimeException {

    CaseRuleException(String message) {
        super(message);
    }
}
