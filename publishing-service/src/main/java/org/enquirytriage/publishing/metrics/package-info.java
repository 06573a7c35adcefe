/** Publishing's figures for the supervisors' dashboards: the Q&amp;A items through the editorial workflow. */
package org.enquirytriage.publishing.metrics;
