/**
 * The routing dashboard: server-rendered pages (Thymeleaf with htmx) under {@code /dashboard}, reached through the
 * gateway, where a department's staff work through their queue and their cases and supervisors oversee every
 * department. The pages call the case service directly; this package holds their settings, the language switch and
 * the client of the knowledge base's answer suggestions.
 */
package org.enquirytriage.triage.dashboard;
