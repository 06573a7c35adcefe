/** The tiered response to a surge: its record, its clock, escalation when the clock runs out, and the actions. */
package org.enquirytriage.publishing.responses;
