package org.enquirytriage.triage.casework;

import java.time.Instant;

/** A department's request for more time to resolve a case, waiting for a supervisor. */
public record ExtensionRequest(Instant at, String by, int workingDays, String reason) {
}
