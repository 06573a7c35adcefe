/**
 * The classifier's admin API: the models in use, a new model without a restart, the staff corrections exported
 * as training labels, and the learning loop's runs and decisions.
 */
package org.enquirytriage.triage.classification.web;
