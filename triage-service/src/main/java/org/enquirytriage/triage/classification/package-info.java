/**
 * Classification of an enquiry: what the writer mainly wants (kind), what it is about (topic) and how urgent it is
 * (priority), with the confidence, the model version and the features behind each decision. The models come from
 * the {@code classifier} module (shipped defaults), a watched model directory, the admin API or the learning loop,
 * and replace each other without a restart; staff corrections are kept as training labels, and the learning loop
 * retrains on them and promotes a better model to every instance.
 */
package org.enquirytriage.triage.classification;
