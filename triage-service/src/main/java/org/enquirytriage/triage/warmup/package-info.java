/**
 * Warm-up before the service reports ready: the classifier and the JSON of its decisions run on sample enquiries at
 * start-up, so that the first real enquiries do not meet a cold JIT.
 */
package org.enquirytriage.triage.warmup;
