package org.enquirytriage.triage.casework;

/** What can be done to a case; each is allowed in some statuses only, as {@link CaseLifecycle} says. */
public enum CaseAction {
    /** Give a newly opened case to a department. */
    ROUTE,
    /** The department takes the case on: its first response. */
    ACCEPT,
    /** The department sends a misrouted case back to the triage desk (退单), within the transfer window. */
    TRANSFER,
    /** The triage desk or a supervisor gives the case to another department (改派). */
    REROUTE,
    /** The department asks for more time (延期). */
    REQUEST_EXTENSION,
    /** A supervisor grants the time asked for. */
    APPROVE_EXTENSION,
    /** A supervisor refuses the time asked for. */
    REFUSE_EXTENSION,
    /** The department answers the citizen. */
    ANSWER,
    /** The department reports the matter resolved. */
    RESOLVE,
    /** The case is done: the citizen is satisfied, or a supervisor closes it. */
    CLOSE,
    /** The citizen is not satisfied: the case goes back to the department. */
    REOPEN,
    /** Staff correct the kind, topic or priority. */
    RECLASSIFY,
    /** Another enquiry about the same matter is linked to this case (并单). */
    ABSORB,
    /** This case is merged into another one, which goes on in its place. */
    MERGE,
    /** A wrongly merged enquiry is taken off this case to get a case of its own. */
    SPLIT,
    /** A case that had been merged into another gets its own life back, routed as new. */
    SPLIT_OFF
}
