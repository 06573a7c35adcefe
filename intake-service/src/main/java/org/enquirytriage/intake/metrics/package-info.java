/**
 * Intake's figures for the supervisors' dashboards: the enquiries received per channel, and the failed reply
 * deliveries reported from the start (at zero) so that a dashboard shows 0 rather than nothing.
 */
package org.enquirytriage.intake.metrics;
