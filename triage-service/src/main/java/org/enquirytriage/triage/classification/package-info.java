/**
 * Classification of an enquiry: what the writer mainly wants (kind), what it is about (topic) and how urgent it is
 * (priority), with the confidence, the model version and the features behind each decision.
 */
package org.enquirytriage.triage.classification;
