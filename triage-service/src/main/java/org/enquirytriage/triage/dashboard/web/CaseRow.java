package org.enquirytriage.triage.dashboard.web;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.triage.casework.CaseStatus;

/**
 * A case as one line of a queue.
 *
 * @param title the subject, or the beginning of the text when there is none
 * @param excerpt the beginning of the text, {@code null} when the title is that already
 * @param due the nearest deadline of the running clocks, as the calendar's local time, {@code null} when none runs
 * @param timeLeft the time left until it, or how long it is overdue
 * @param escalationLevel 0, or the level a breach was escalated to
 */
record CaseRow(String id, String title, String excerpt, EnquiryKind kind, String topic, Priority priority,
        String channel, CaseStatus status, String department, String due, TimeLeft timeLeft, int escalationLevel) {
}
