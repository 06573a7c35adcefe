/**
 * The events the services exchange over Kafka: flat, immutable records that evolve by adding fields only,
 * the topics they travel on, and the CloudEvents type of each.
 */
package org.enquirytriage.events;
