/**
 * The dashboard's pages under {@code /dashboard}: a department's queue (the nearest deadline first, filtered,
 * searched, refreshed every few seconds), one case with its history and the actions its status and the user's role
 * allow, and the supervisors' overview of every department. The pages call the case service directly; its refusals
 * are shown in the page with their reason, and a change someone else made first is reported, never overwritten.
 */
package org.enquirytriage.triage.dashboard.web;
