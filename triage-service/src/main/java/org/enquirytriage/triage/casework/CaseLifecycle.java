package org.enquirytriage.triage.casework;

import static org.enquirytriage.triage.casework.CaseAction.ABSORB;
import static org.enquirytriage.triage.casework.CaseAction.ACCEPT;
import static org.enquirytriage.triage.casework.CaseAction.ANSWER;
import static org.enquirytriage.triage.casework.CaseAction.APPROVE_EXTENSION;
import static org.enquirytriage.triage.casework.CaseAction.CLOSE;
import static org.enquirytriage.triage.casework.CaseAction.MERGE;
import static org.enquirytriage.triage.casework.CaseAction.RECLASSIFY;
import static org.enquirytriage.triage.casework.CaseAction.REFUSE_EXTENSION;
import static org.enquirytriage.triage.casework.CaseAction.REOPEN;
import static org.enquirytriage.triage.casework.CaseAction.REQUEST_EXTENSION;
import static org.enquirytriage.triage.casework.CaseAction.REROUTE;
import static org.enquirytriage.triage.casework.CaseAction.RESOLVE;
import static org.enquirytriage.triage.casework.CaseAction.ROUTE;
import static org.enquirytriage.triage.casework.CaseAction.SPLIT;
import static org.enquirytriage.triage.casework.CaseAction.SPLIT_OFF;
import static org.enquirytriage.triage.casework.CaseAction.TRANSFER;
import static org.enquirytriage.triage.casework.CaseStatus.ACCEPTED;
import static org.enquirytriage.triage.casework.CaseStatus.ANSWERED;
import static org.enquirytriage.triage.casework.CaseStatus.CLOSED;
import static org.enquirytriage.triage.casework.CaseStatus.EXTENSION_REQUESTED;
import static org.enquirytriage.triage.casework.CaseStatus.MERGED;
import static org.enquirytriage.triage.casework.CaseStatus.OPENED;
import static org.enquirytriage.triage.casework.CaseStatus.REOPENED;
import static org.enquirytriage.triage.casework.CaseStatus.RESOLVED;
import static org.enquirytriage.triage.casework.CaseStatus.ROUTED;
import static org.enquirytriage.triage.casework.CaseStatus.TRANSFERRED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The state machine of a case, in one table: for each status, the actions allowed in it and the status each leads
 * to. Deciding an extension request leads back to the status the case had when the extension was requested
 * ({@link #RESUME}). Who may take an action, and rules such as the transfer window, are checked by the case itself.
 */
public final class CaseLifecycle {

    /** Stands for "the status the case had before the extension was requested" in the table. */
    static final CaseStatus RESUME = null;

    private static final Map<CaseStatus, Map<CaseAction, Target>> TABLE = new EnumMap<>(CaseStatus.class);

    static {
        allow(OPENED, ROUTE, ROUTED);

        allow(ROUTED, ACCEPT, ACCEPTED);
        allow(ROUTED, TRANSFER, TRANSFERRED);
        allow(ROUTED, REROUTE, ROUTED);
        allow(ROUTED, MERGE, MERGED);

        allow(TRANSFERRED, REROUTE, ROUTED);
        allow(TRANSFERRED, MERGE, MERGED);

        allow(ACCEPTED, ANSWER, ANSWERED);
        allow(ACCEPTED, TRANSFER, TRANSFERRED);
        allow(ACCEPTED, REROUTE, ROUTED);
        allow(ACCEPTED, REQUEST_EXTENSION, EXTENSION_REQUESTED);
        allow(ACCEPTED, MERGE, MERGED);

        allow(EXTENSION_REQUESTED, APPROVE_EXTENSION, RESUME);
        allow(EXTENSION_REQUESTED, REFUSE_EXTENSION, RESUME);
        allow(EXTENSION_REQUESTED, ANSWER, ANSWERED);

        allow(ANSWERED, ANSWER, ANSWERED);
        allow(ANSWERED, RESOLVE, RESOLVED);
        allow(ANSWERED, REOPEN, REOPENED);

        allow(RESOLVED, CLOSE, CLOSED);
        allow(RESOLVED, REOPEN, REOPENED);

        allow(CLOSED, REOPEN, REOPENED);

        allow(REOPENED, ANSWER, ANSWERED);
        allow(REOPENED, REQUEST_EXTENSION, EXTENSION_REQUESTED);
        allow(REOPENED, REROUTE, ROUTED);
        allow(REOPENED, MERGE, MERGED);

        allow(MERGED, SPLIT_OFF, ROUTED);

        // actions that leave the status as it is
        for (CaseStatus status : CaseStatus.values()) {
            if (status.open()) {
                allow(status, ABSORB, status);
            }
            if (status != MERGED) {
                allow(status, RECLASSIFY, status);
                allow(status, SPLIT, status);
            }
        }
    }

    private CaseLifecycle() {
    }

    private static void allow(CaseStatus from, CaseAction action, CaseStatus to) {
        TABLE.computeIfAbsent(from, status -> new EnumMap<>(CaseAction.class)).put(action, new Target(to));
    }

    /** Whether an action may be taken in a status. */
    public static boolean allows(CaseStatus status, CaseAction action) {
        return TABLE.getOrDefault(status, Map.of()).containsKey(action);
    }

    /** The actions allowed in a status. */
    public static Set<CaseAction> allowed(CaseStatus status) {
        return Collections.unmodifiableSet(TABLE.getOrDefault(status, Map.of()).keySet());
    }

    /**
     * The status an action leads to.
     *
     * @param resumeStatus the status the case had before its extension was requested, where that matters
     * @throws IllegalTransitionException when the action is not allowed in the status
     */
    public static CaseStatus next(String caseId, CaseStatus status, CaseAction action, CaseStatus resumeStatus) {
        Target target = TABLE.getOrDefault(status, Map.of()).get(action);
        if (target == null) {
            throw new IllegalTransitionException(caseId, status, action, allowed(status));
        }
        return target.status() == RESUME ? resumeStatus : target.status();
    }

    private record Target(CaseStatus status) {
    }
}
