package org.enquirytriage.triage.routing.web;

/**
 * A request to make an earlier version of the rules current again.
 *
 * @param basedOn the version the editor saw as current (or send it as {@code If-Match}); when neither is given the
 *     restore applies over whatever is current
 * @param comment why, optional
 */
record RestoreRequest(Integer basedOn, String comment) {
}
