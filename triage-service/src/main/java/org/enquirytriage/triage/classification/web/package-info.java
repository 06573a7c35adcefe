/**
 * The classifier's admin API: the models in use, a new model without a restart, and the staff corrections exported
 * as training labels.
 */
package org.enquirytriage.triage.classification.web;
