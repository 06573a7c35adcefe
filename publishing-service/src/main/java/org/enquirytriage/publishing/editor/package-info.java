/**
 * The editor's page: server-rendered (Thymeleaf, htmx from a webjar, no Node build), Chinese by default and English
 * with {@code ?lang=en}; the hot groups, the drafts, the review checklist and the schedule.
 */
package org.enquirytriage.publishing.editor;
