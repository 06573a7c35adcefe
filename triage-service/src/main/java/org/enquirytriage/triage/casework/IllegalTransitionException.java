package org.enquirytriage.triage.casework;

import java.util.Set;
import java.util.TreeSet;

/** An action was asked for that the case's status does not allow. */
public class IllegalTransitionException extends RuntimeException {

    private final CaseStatus status;
    private final CaseAction action;

    IllegalTransitionException(String caseId, CaseStatus status, CaseAction action, Set<CaseAction> allowed) {
        super("Case " + caseId + " is " + status + ": " + action + " is not allowed then"
                + (allowed.isEmpty() ? "" : " (allowed: " + new TreeSet<>(allowed) + ")"));
        this.status = status;
        this.action = action;
    }

    public CaseStatus status() {
        return status;
    }

    public CaseAction action() {
        return action;
    }
}
