/**
 * The case: opened from an enquiry (or merged into the open case it repeats, 并单), classified, routed and taken
 * through the lifecycle of {@link org.enquirytriage.triage.casework.CaseLifecycle}; its repository, the handlers of
 * the events that drive it (received enquiries, citizens' ratings), the read model of the supervisors' figures, and
 * the events it publishes through its outbox. The SLA watcher lives in {@code sla} beside the clocks it watches and
 * sees the cases only through {@link org.enquirytriage.triage.sla.WatchedClocks}, which {@code CaseAlerts} implements
 * here, so that {@code sla} stays free of cases.
 */
package org.enquirytriage.triage.casework;
