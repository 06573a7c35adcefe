/**
 * How intake's events get to Kafka: the outbox relay is asked to send at once unless the {@code kafka} circuit
 * breaker is open, the breaker learns from every send's outcome, and gauges show how much waits in the outbox.
 */
package org.enquirytriage.intake.outbox;
