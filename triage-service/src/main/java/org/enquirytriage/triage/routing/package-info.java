/**
 * Routing: which department is responsible for a classified enquiry (rules by topic, region and keywords), with
 * the manual triage desk for what no rule covers.
 */
package org.enquirytriage.triage.routing;
