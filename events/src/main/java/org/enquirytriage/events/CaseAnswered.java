package org.enquirytriage.events;

import java.time.Instant;

/**
 * The department answered the citizen; intake delivers the answer back through the enquiry's channel.
 *
 * @param qaCandidate whether staff proposed the question and answer for publishing as a Q&amp;A item
 */
public record CaseAnswered(String eventId, Instant occurredAt, String caseId, String enquiryId, String channel,
        String department, String answer, boolean qaCandidate, String by) implements CaseEvent {
}
