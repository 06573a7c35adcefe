/**
 * The intake service: channel adapters in, validation, normalisation and personal-data masking, idempotency on
 * (channel, external id), the outbox to Kafka and the citizen's status lookup.
 */
package org.enquirytriage.intake;
