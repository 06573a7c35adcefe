/**
 * The case: opened from an enquiry, classified, routed, answered and closed; its repository, the handler of the
 * events that drive it and the events it publishes through its outbox.
 */
package org.enquirytriage.triage.casework;
