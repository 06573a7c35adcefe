package org.enquirytriage.triage.casework;

import java.time.Instant;

/**
 * An answer the department gave the citizen.
 *
 * @param qaCandidate whether staff proposed it for publishing as a Q&amp;A item
 */
public record Answer(Instant at, String by, String text, boolean qaCandidate) {
}
