package org.enquirytriage.triage.routing.web;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.triage.routing.Editor;
import org.enquirytriage.triage.routing.RuleSetVersion;

/**
 * A page of the versions of the routing rules, newest first.
 *
 * @param total how many versions there are
 */
record RuleSetHistory(int page, int size, long total, List<Entry> versions) {

    /** One version without its rules. */
    record Entry(int version, Editor changedBy, Instant changedAt, String comment, Integer basedOn,
            Integer restoredFrom, int ruleCount) {

        static Entry of(RuleSetVersion version) {
            return new Entry(version.version(), version.changedBy(), version.changedAt(), version.comment(),
                    version.basedOn(), version.restoredFrom(), version.rules().size());
        }
    }
}
