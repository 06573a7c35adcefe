/**
 * Time limits of a case: the first-response and resolution deadlines on the business calendar, and the watcher that
 * warns before they run out and escalates when they do.
 */
package org.enquirytriage.triage.sla;
