package org.enquirytriage.events;

import java.time.Instant;

/**
 * An enquiry that repeats an open case was linked to it (并单) instead of opening a task of its own.
 *
 * @param caseId the case that goes on
 * @param mergedEnquiryId the enquiry that was linked to it
 */
public record CaseMerged(String eventId, Instant occurredAt, String caseId, String mergedEnquiryId, String by,
        String reason) implements CaseEvent {
}
