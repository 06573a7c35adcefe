/**
 * Tests of the whole system as it is deployed: the four services started from their packaged jars as separate
 * processes, talking through Kafka and MongoDB, driven through the gateway as a channel adapter would.
 */
package org.enquirytriage.systemtests;
