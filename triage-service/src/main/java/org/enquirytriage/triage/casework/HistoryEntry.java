package org.enquirytriage.triage.casework;

import java.time.Instant;

/**
 * One step in the life of a case, as the case's history shows it: who, when, what and why.
 *
 * @param actor who took the step: a member of staff, the SLA watcher, the citizen or the triage service itself
 * @param action what was done, such as {@code OPENED}, {@code ROUTED} or {@code EXTENSION_REQUESTED}
 * @param detail what a reader of the history needs to know about the step
 * @param reason why, in the actor's words, {@code null} when the step needs none
 */
public record HistoryEntry(Instant at, String actor, String action, String detail, String reason) {
}
