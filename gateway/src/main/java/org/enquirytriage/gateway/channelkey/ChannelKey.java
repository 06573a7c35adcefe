package org.enquirytriage.gateway.channelkey;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An API key of a channel adapter, stored by the hash of the key (the key itself is shown once and never stored).
 *
 * @param id          the key's id
 * @param channel     the channel it may post as
 * @param description what it is for
 * @param keyHash     the SHA-256 of the key
 * @param keyPrefix   the first characters of the key
 * @param createdAt   when it was issued
 * @param createdBy   who issued it
 * @param revokedAt   when it was revoked, or {@code null}
 * @param revokedBy   who revoked it, or {@code null}
 */
@Document(ChannelKey.COLLECTION)
record ChannelKey(@Id String id, String channel, String description, String keyHash, String keyPrefix,
        Instant createdAt, String createdBy, Instant revokedAt, String revokedBy) {

    static final String COLLECTION = "channel_keys";

    boolean revoked() {
        return revokedAt != null;
    }
}
