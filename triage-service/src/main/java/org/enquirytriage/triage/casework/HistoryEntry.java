package org.enquirytriage.triage.casework;

import java.time.Instant;

/**
 * One step in the life of a case, as the case's history shows it.
 *
 * @param actor who took the step: a member of staff or the triage service itself
 * @param action what was done, such as {@code OPENED} or {@code ROUTED}
 * @param detail what a reader of the history needs to know about the step
 */
public record HistoryEntry(Instant at, String actor, String action, String detail) {
}
