/**
 * The transactional outbox without transactions: an aggregate document carries its pending events in an
 * {@code outbox} array, written in the same single-document write as the state change, and the relay sends them to
 * Kafka and removes them once the broker has acknowledged them.
 */
package org.enquirytriage.messaging.outbox;
