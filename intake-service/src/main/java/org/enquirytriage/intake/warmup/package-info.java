/**
 * Warm-up before the service reports ready: the text normalisation, the masking of personal data and the JSON
 * reading of enquiries run on sample messages at start-up, so that the first real posts do not meet a cold JIT.
 */
package org.enquirytriage.intake.warmup;
