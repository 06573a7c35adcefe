/**
 * Warm-up before a service reports ready: the path a message takes through the service (its JSON and the service's
 * own work on it) runs on samples at start-up, so that the first real messages do not meet a cold JIT. Each service
 * says what it warms by extending {@link org.enquirytriage.messaging.warmup.WarmUpRunner}.
 */
package org.enquirytriage.messaging.warmup;
