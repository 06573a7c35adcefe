/**
 * The infrastructure of the local run without Docker: {@link org.enquirytriage.localstack.LocalKafka} (a real
 * Kafka broker in KRaft mode) and {@link org.enquirytriage.localstack.LocalMongo} (mongo-java-server on H2),
 * each a process of its own that keeps its data on disk across restarts.
 */
package org.enquirytriage.localstack;
