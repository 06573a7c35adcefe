package org.enquirytriage.triage.casework;

import java.util.Set;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;

/**
 * What a queue of cases shows; every filter left {@code null} shows all.
 *
 * @param departments the departments whose cases are shown, {@code null} for all
 * @param statuses the statuses shown; {@code null} for the open ones
 * @param overdue only the cases with a clock that ran out ({@code true}) or without ({@code false})
 * @param escalated only the escalated cases ({@code true}) or those not escalated ({@code false})
 * @param text only the cases whose subject or text contains this, ignoring case ({@code null} or blank: all)
 */
public record CaseQuery(Set<String> departments, Set<CaseStatus> statuses, EnquiryKind kind, String topic,
        String channel, Priority priority, Boolean overdue, Boolean escalated, String text) {

    public CaseQuery {
        statuses = statuses == null || statuses.isEmpty() ? CaseStatus.OPEN : Set.copyOf(statuses);
        departments = departments == null ? null : Set.copyOf(departments);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** A query without a text search. */
    public CaseQuery(Set<String> departments, Set<CaseStatus> statuses, EnquiryKind kind, String topic,
            String channel, Priority priority, Boolean overdue, Boolean escalated) {
        this(departments, statuses, kind, topic, channel, priority, overdue, escalated, null);
    }

    /** The open cases of every department. */
    public static CaseQuery open() {
        return new CaseQuery(null, null, null, null, null, null, null, null);
    }
}
