/**
 * The Kafka plumbing every service shares: events written as CloudEvents in binary mode, consumer settings, and
 * records that keep failing sent to the topic's dead-letter twin.
 */
package org.enquirytriage.messaging;
