package org.enquirytriage.triage.casework;

import java.util.EnumSet;
import java.util.Set;

/** Where a case is in its life; {@link CaseLifecycle} says which actions lead from one status to another. */
public enum CaseStatus {
    /** Opened from an enquiry and classified, not yet given to a department. */
    OPENED,
    /** Given to a department (possibly the manual triage desk), which has not yet accepted it. */
    ROUTED,
    /** Sent back by the department it was routed to (退单); waits at the triage desk to be re-routed (改派). */
    TRANSFERRED,
    /** Accepted by the department: its first response. */
    ACCEPTED,
    /** The department asked for more time (延期); a supervisor approves or refuses. */
    EXTENSION_REQUESTED,
    /** The department answered the citizen. */
    ANSWERED,
    /** The department reports the matter resolved. */
    RESOLVED,
    /** Done: resolved and rated, or closed by a supervisor. */
    CLOSED,
    /** Opened again because the citizen was not satisfied; back with the department. */
    REOPENED,
    /** Merged into another case (并单), which goes on in its place. */
    MERGED;

    /** The statuses of a case that is still being handled, the ones a department's queue shows. */
    public static final Set<CaseStatus> OPEN = Set.copyOf(
            EnumSet.of(OPENED, ROUTED, TRANSFERRED, ACCEPTED, EXTENSION_REQUESTED, ANSWERED, REOPENED));

    public boolean open() {
        return OPEN.contains(this);
    }
}
