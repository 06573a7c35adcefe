/**
 * The case: opened from an enquiry (or merged into the open case it repeats, 并单), classified, routed and taken
 * through the lifecycle of {@link org.enquirytriage.triage.casework.CaseLifecycle}; its repository, the handlers of
 * the events that drive it (received enquiries, citizens' ratings), the SLA watcher that raises warnings, breaches
 * and escalations on its clocks, and the events it publishes through its outbox. The watcher lives here rather than
 * in {@code sla} so that {@code sla} stays free of cases: it holds the calendar and the time rules only.
 */
package org.enquirytriage.triage.casework;
