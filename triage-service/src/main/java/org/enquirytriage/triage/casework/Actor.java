package org.enquirytriage.triage.casework;

/**
 * Who takes an action on a case: a member of staff, or the triage service itself.
 *
 * @param id the member's id (the token's subject), or the name of the service part that acted
 * @param department the department a member of staff works for, {@code null} for supervisors without one
 * @param supervisor whether the actor may act for every department and decide what supervisors decide
 */
public record Actor(String id, String department, boolean supervisor) {

    /** The triage service opening, merging and routing cases by itself. */
    public static final Actor TRIAGE_SERVICE = new Actor("triage-service", null, true);
    /** The SLA watcher raising warnings, breaches and escalations. */
    public static final Actor SLA_WATCHER = new Actor("sla-watcher", null, true);
    /** The citizen, through their rating of the answer. */
    public static final Actor CITIZEN = new Actor("citizen", null, false);

    public static Actor staff(String id, String department) {
        return new Actor(id, department, false);
    }

    public static Actor supervisor(String id) {
        return new Actor(id, null, true);
    }

    /** Whether the actor may see and act on the cases of a department. */
    public boolean mayActFor(String caseDepartment) {
        return supervisor || (department != null && department.equals(caseDepartment));
    }

    /**
     * Checks that the actor may act on a case of a department; to anyone else the case does not exist.
     *
     * @throws CaseNotFoundException when the actor may not
     */
    void requireMayActFor(String caseDepartment, String caseId) {
        if (!mayActFor(caseDepartment)) {
            throw new CaseNotFoundException(caseId);
        }
    }

    /**
     * Checks that the actor is a supervisor, who alone may take some actions.
     *
     * @param what the action, as in "only a supervisor may ..."
     * @throws ActionForbiddenException when the actor is not
     */
    void requireSupervisor(String what, String caseId) {
        if (!supervisor) {
            throw new ActionForbiddenException("Only a supervisor may " + what + " (case " + caseId + ")");
        }
    }
}
