/**
 * Admission control: the requests intake takes on at once are bounded, and the excess is refused at once with 503
 * problem+json and {@code Retry-After} instead of queueing until the gateway's time limit.
 */
package org.enquirytriage.intake.admission;
