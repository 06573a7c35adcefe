package org.enquirytriage.triage.casework;

import java.time.Instant;

import org.enquirytriage.events.Satisfaction;

/**
 * The citizen's rating of an answer, as intake reported it.
 *
 * @param eventId the id of the {@code SatisfactionRated} event, so that a redelivered event counts once
 * @param enquiryId the enquiry whose citizen rated (one of the case's enquiries)
 */
public record Rating(String eventId, Instant at, String enquiryId, Satisfaction rating, String comment) {
}
