package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.Optional;

import org.enquirytriage.events.SlaClock;
import org.enquirytriage.triage.sla.CaseClocks;
import org.enquirytriage.triage.sla.SlaPolicy;

/**
 * The extension (延期) a department asked for on a case and a supervisor has not yet settled, with the status the case
 * goes back to once it is settled; both {@code null} when none is asked for. Stored unwrapped in the case, as its
 * {@code pendingExtension} and {@code resumeStatus} fields.
 *
 * @param resumeStatus the status the case had when the extension was asked for
 */
record CaseExtension(ExtensionRequest pendingExtension, CaseStatus resumeStatus) {

    /** No extension asked for, or the last one settled. */
    static final CaseExtension NONE = new CaseExtension(null, null);

    /**
     * An extension asked for on a case in a status.
     *
     * @throws CaseRuleException when it adds less than one working day or more than the policy's longest extension
     */
    static CaseExtension requested(ExtensionRequest request, CaseStatus from, SlaPolicy policy) {
        if (request.workingDays() < 1 || request.workingDays() > policy.maxExtensionDays()) {
            throw new CaseRuleException("An extension adds from 1 to " + policy.maxExtensionDays()
                    + " working days (asked for " + request.workingDays() + ")");
        }
        return new CaseExtension(request, from);
    }

    Optional<ExtensionRequest> request() {
        return Optional.ofNullable(pendingExtension);
    }

    /** The working days asked for; only while an extension is pending. */
    int workingDays() {
        return pending().workingDays();
    }

    /** Clocks whose resolution deadline moved on by the working days asked for, as the policy counts them. */
    CaseClocks granted(CaseClocks clocks, SlaPolicy policy, Instant now) {
        return clocks.with(SlaClock.RESOLUTION, policy.extended(clocks.resolution(), workingDays(), now));
    }

    private ExtensionRequest pending() {
        if (pendingExtension == null) {
            throw new IllegalStateException("No extension is pending");
        }
        return pendingExtension;
    }
}
