package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.List;

/**
 * Merging one case into another (并单), a step on two cases: the actor must be allowed to act for both
 * departments, a case is never merged into itself, and the other case must be able to take the enquiries on before
 * this one stops. Each case keeps its own rules for its part ({@link Case#handOverTo} and {@link Case#absorb}).
 */
final class CaseMerging {

    private CaseMerging() {
    }

    /**
     * Merges a case into another, which takes on its enquiries; the merged case stops and points to the other.
     *
     * @return the enquiries the other case took on: the merged case's own and those merged into it before
     */
    static List<MergedEnquiry> merge(Case source, Case target, Actor by, String reason, Instant now) {
        by.requireMayActFor(source.department(), source.id());
        by.requireMayActFor(target.department(), target.id());
        if (target.id().equals(source.id())) {
            throw new CaseRuleException("Case " + source.id() + " cannot be merged into itself");
        }
        target.require(CaseAction.ABSORB);
        List<MergedEnquiry> moving = source.handOverTo(target.id(), by, reason, now);
        moving.forEach(enquiry -> target.absorb(enquiry, by, reason, now));
        return moving;
    }
}
