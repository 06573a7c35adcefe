package org.enquirytriage.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.springframework.stereotype.Component;

/**
 * The deny-list of tokens whose user logged out: each is refused until it expires, and forgotten then. Kept by the
 * token's SHA-256 in this gateway instance's memory (at most {@value #MAX_REVOKED}): behind several instances, a
 * logout at one does not reach the others, and a restart forgets it.
 */
@Component
public class RevokedTokens {

    static final int MAX_REVOKED = 100_000;

    private final Clock clock;
    private final Cache<String, Instant> revoked;

    RevokedTokens(Clock clock) {
        this.clock = clock;
        this.revoked = Caffeine.newBuilder().maximumSize(MAX_REVOKED)
                .expireAfter(Expiry.<String, Instant>creating((token, expiresAt) -> {
                    Duration left = Duration.between(clock.instant(), expiresAt);
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                .build();
    }

    /** Refuses the token from now until it expires. */
    public void revoke(String token, Instant expiresAt) {
        if (expiresAt != null && expiresAt.isAfter(clock.instant())) {
            revoked.put(hash(token), expiresAt);
        }
    }

    /** Whether the token's user logged out. */
    boolean isRevoked(String token) {
        return revoked.getIfPresent(hash(token)) != null;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
