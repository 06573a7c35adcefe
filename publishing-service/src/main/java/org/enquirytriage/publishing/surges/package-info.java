/** Surge detection: the rate of messages per group, place, topic or department against its own baseline. */
package org.enquirytriage.publishing.surges;
