package org.enquirytriage.gateway.channelkey;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The valid channel keys this gateway instance has looked up, by the hash of the key, so that a channel adapter's
 * key costs a store round trip once and not on every request (a bounded Caffeine cache). Revocation reaches every
 * instance within {@code gateway.channel-keys.revocation-poll} (2 s): each instance asks the store for the keys
 * revoked lately (a query on the small {@code channel_keys} collection) and forgets them; a key this instance revokes
 * is forgotten at once. Entries are also forgotten after {@code gateway.channel-keys.remember-for} (5 min) whatever
 * happens, so that a missed poll cannot keep a revoked key alive. Only valid keys are remembered: an unknown or
 * revoked key is looked up every time (the rate limit bounds how often).
 */
@Component
@EnableScheduling
class RememberedKeys {

    private static final Logger log = LoggerFactory.getLogger(RememberedKeys.class);

    /** How far back each poll looks for revocations: generous, so that clocks that differ between instances do not matter. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(10);
    private static final long MAX_KEYS = 10_000;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Cache<String, ChannelKey> valid;

    RememberedKeys(ReactiveMongoTemplate mongo, Clock clock,
            @Value("${gateway.channel-keys.remember-for:5m}") Duration rememberFor) {
        this.mongo = mongo;
        this.clock = clock;
        this.valid = Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterWrite(rememberFor).build();
    }

    /** The valid key with this hash: remembered, or looked up with {@code lookUp} and remembered when valid. */
    Mono<ChannelKey> byHash(String keyHash, Mono<ChannelKey> lookUp) {
        ChannelKey remembered = valid.getIfPresent(keyHash);
        if (remembered != null) {
            return Mono.just(remembered);
        }
        return lookUp.filter(key -> !key.revoked()).doOnNext(key -> valid.put(keyHash, key));
    }

    /** Forgets a key at once (revoked by this instance). */
    void forget(String keyHash) {
        valid.invalidate(keyHash);
    }

    /** Forgets every remembered key revoked lately, by whichever instance. */
    @Scheduled(fixedDelayString = "${gateway.channel-keys.revocation-poll:2s}")
    void forgetRevoked() {
        if (valid.estimatedSize() == 0) {
            return;
        }
        Query revoked = Query.query(Criteria.where("revokedAt").gte(clock.instant().minus(LOOK_BACK)));
        revoked.fields().include("keyHash");
        try {
            mongo.find(revoked, ChannelKey.class).map(ChannelKey::keyHash).doOnNext(valid::invalidate)
                    .then().block(Duration.ofSeconds(10));
        }
        catch (RuntimeException e) {
            log.warn("Could not read the revoked channel keys ({}); remembered keys expire within their time anyway",
                    e.toString());
        }
    }
}
