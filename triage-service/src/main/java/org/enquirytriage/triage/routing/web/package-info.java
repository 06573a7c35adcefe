/**
 * The admin API of the routing rules: read the current rules and their history (supervisors and admins), replace
 * them or restore an earlier version (admins), each change a new audited version guarded by the version it is
 * based on.
 */
package org.enquirytriage.triage.routing.web;
