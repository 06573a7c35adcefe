/**
 * Test infrastructure shared by the services: an in-memory MongoDB stand-in and an embedded KRaft Kafka broker for
 * machines without Docker, real containers where Docker exists, and a reader for what landed on a topic.
 */
package org.enquirytriage.testsupport;
