package org.enquirytriage.gateway.channelkey;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Issues, lists, revokes and checks channel keys. */
@Service
public class ChannelKeyRegistry {

    private static final Logger log = LoggerFactory.getLogger(ChannelKeyRegistry.class);

    /** Who created the keys registered from configuration. */
    private static final String CONFIGURATION = "configuration";
    private static final String REVOKED_AT_START = "gateway start-up without a demo";

    private final ChannelKeys keys;
    private final RememberedKeys remembered;
    private final Clock clock;

    ChannelKeyRegistry(ChannelKeys keys, RememberedKeys remembered, Clock clock) {
        this.keys = keys;
        this.remembered = remembered;
        this.clock = clock;
    }

    /** The channel caller a valid, unrevoked key stands for; empty for any other key. */
    public Mono<StaffMember> authenticate(String presentedKey) {
        String hash = ApiKeys.hash(presentedKey);
        return remembered.byHash(hash, keys.byHash(hash))
                .map(key -> new StaffMember(key.id(), key.channel() + " channel key " + key.keyPrefix(),
                        Set.of(Role.CHANNEL), null, key.channel()));
    }

    Mono<IssuedKey> issue(String channel, String description, String issuedBy) {
        String secret = ApiKeys.generate();
        ChannelKey key = new ChannelKey(UUID.randomUUID().toString(), channel, description, ApiKeys.hash(secret),
                ApiKeys.prefixOf(secret), clock.instant(), issuedBy, null, null);
        return keys.insert(key)
                .doOnNext(saved -> log.info("Channel key {} issued for channel {} by {}", saved.id(), channel,
                        issuedBy))
                .map(saved -> new IssuedKey(saved, secret));
    }

    /** Registers a key whose secret is given (the local stack's demo keys), unless it is registered already. */
    public Mono<Void> register(String channel, String secret, String description) {
        String hash = ApiKeys.hash(secret);
        ChannelKey key = new ChannelKey(UUID.randomUUID().toString(), channel, description, hash,
                ApiKeys.prefixOf(secret), clock.instant(), CONFIGURATION, null, null);
        return keys.byHash(hash)
                .hasElement()
                .flatMap(exists -> exists ? Mono.<Void>empty() : keys.insert(key).then())
                .onErrorResume(DuplicateKeyException.class, ex -> Mono.empty());
    }

    /**
     * Revokes every key that configuration registered (the local stack's demo keys), for a gateway that runs without
     * a demo: a key whose secret is in a configuration file must not outlive the profile that configured it.
     *
     * @return how many keys it revoked
     */
    public Mono<Long> revokeConfiguredKeys() {
        return keys.all()
                .filter(key -> CONFIGURATION.equals(key.createdBy()) && !key.revoked())
                .concatMap(key -> keys.revoke(key.id(), REVOKED_AT_START, clock.instant()).thenReturn(key))
                .doOnNext(key -> log.warn("Channel key {} of channel {} was registered by configuration and is "
                        + "revoked: this gateway runs without a demo", key.id(), key.channel()))
                .count();
    }

    Flux<ChannelKey> all() {
        return keys.all();
    }

    /** Revokes the key; empty when there is no such key. */
    Mono<ChannelKey> revoke(String id, String revokedBy) {
        return keys.byId(id)
                .flatMap(key -> key.revoked()
                        ? Mono.just(key)
                        : keys.revoke(id, revokedBy, clock.instant())
                                .doOnSuccess(done -> remembered.forget(key.keyHash()))
                                .doOnSuccess(done -> log.info("Channel key {} revoked by {}", id, revokedBy))
                                .then(keys.byId(id)));
    }

    /** Creates the indexes the lookups need. */
    public Mono<Void> prepare() {
        return keys.ensureIndexes();
    }

    /**
     * A key just issued, with its secret (shown once).
     *
     * @param key    the stored key
     * @param secret the key itself
     */
    record IssuedKey(ChannelKey key, String secret) {
    }
}
