package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.events.Classification;
import org.enquirytriage.triage.sla.CaseClocks;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * The history of a case: its steps in the order they were taken, only ever added to, and the words the history uses
 * for what a reader needs to follow them (a classification, the deadlines a routing set). Stored unwrapped in the
 * case, as its {@code history} field.
 */
record CaseHistory(@Field("history") List<HistoryEntry> entries) {

    CaseHistory {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    static CaseHistory empty() {
        return new CaseHistory(List.of());
    }

    /** This history and one more step, taken at an instant by an actor; the reason is {@code null} when none is needed. */
    CaseHistory with(Actor by, String action, String detail, String reason, Instant at) {
        List<HistoryEntry> more = new ArrayList<>(entries);
        more.add(new HistoryEntry(at, by.id(), action, detail, reason));
        return new CaseHistory(more);
    }

    /** A classification as the history writes it: kind, topic and priority, and the model version that chose them. */
    static String describe(Classification classification) {
        return classification.kind() + ", topic " + classification.topic() + ", priority "
                + classification.priority() + " (" + classification.modelVersion() + ")";
    }

    /** The deadlines of a routing as the history writes them after where the case went. */
    static String dues(CaseClocks deadlines) {
        return "; first response due " + deadlines.firstResponseDue() + ", resolution due "
                + deadlines.resolutionDue();
    }
}
