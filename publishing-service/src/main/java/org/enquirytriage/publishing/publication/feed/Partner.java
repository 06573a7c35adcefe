package org.enquirytriage.publishing.publication.feed;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner account on the whitelist: a local account that may republish every post. It calls with the gateway's
 * channel key of its {@code channel}.
 *
 * @param channel the channel of the partner's API key, its id here
 * @param name who the partner is (a district's official account, a county media centre)
 */
@Document("partners")
record Partner(@Id String channel, String name, String addedBy, Instant addedAt) {
}
