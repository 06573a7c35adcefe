/**
 * The gateway: one origin for every channel adapter and user; it serves nothing of its own but routes to the
 * intake, triage and publishing services (routes in {@code application.yml}).
 */
package org.enquirytriage.gateway;
