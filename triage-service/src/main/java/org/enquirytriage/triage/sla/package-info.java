/**
 * Time limits of a case: the business calendar (working hours, statutory holidays and make-up working days from the
 * yearly calendar files), arithmetic in working time, the SLA policies per kind and priority that set the
 * first-response and resolution deadlines, and the cluster-wide lock under which the watcher (in {@code casework})
 * runs.
 */
package org.enquirytriage.triage.sla;
