/** Frequent-question mining: finds the questions many citizens ask, from the recorded questions and answers. */
package org.enquirytriage.publishing.mining;
