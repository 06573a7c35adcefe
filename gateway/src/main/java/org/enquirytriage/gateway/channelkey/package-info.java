/**
 * Channel API keys: issued per channel by an admin, shown once, stored as SHA-256 hashes in MongoDB, revocable;
 * a request with a valid key ({@code X-Api-Key}) is authenticated as that channel.
 */
package org.enquirytriage.gateway.channelkey;
