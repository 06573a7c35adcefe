/**
 * The supervisors' figures as metrics on {@code /actuator/prometheus}: the turnaround of cases (time to first
 * response and to resolution, in working and clock time, within the limit or breached) from the events on
 * {@code case-events}, the classifier's confidence, and the open backlog, overdue cases and the three rates per
 * department, computed from the cases in MongoDB every little while.
 */
package org.enquirytriage.triage.metrics;
