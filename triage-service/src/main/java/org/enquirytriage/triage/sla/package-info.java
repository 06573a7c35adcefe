/**
 * Time limits of a case: the business calendar (working hours, statutory holidays and make-up working days from the
 * yearly calendar files), arithmetic in working time, the SLA policies per kind and priority that set the
 * first-response and resolution deadlines, a case's two clocks ({@link org.enquirytriage.triage.sla.CaseClocks}) and
 * the alerts due on them, and the SLA watcher that raises them under a cluster-wide lock, on the clocks the cases give
 * it through {@link org.enquirytriage.triage.sla.WatchedClocks}.
 */
package org.enquirytriage.triage.sla;
