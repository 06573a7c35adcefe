/**
 * Routing: which department is responsible for a classified enquiry. Rules by topic, region, keywords and kind are
 * tried in order and the first that matches decides; what no rule covers, or what the classifier is not confident
 * about, goes to the manual triage desk. The rules are versioned in MongoDB, changed through an admin API and picked
 * up by running instances without a restart.
 */
package org.enquirytriage.triage.routing;
