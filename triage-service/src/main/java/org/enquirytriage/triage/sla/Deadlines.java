package org.enquirytriage.triage.sla;

import java.time.Instant;

/**
 * When a case must have had its first response and when it must be resolved.
 */
public record Deadlines(Instant firstResponseDue, Instant resolutionDue) {
}
