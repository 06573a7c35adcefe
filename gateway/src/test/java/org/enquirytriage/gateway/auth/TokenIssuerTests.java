package org.enquirytriage.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import com.nimbusds.jwt.SignedJWT;
import org.enquirytriage.gateway.GatewayProperties;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.junit.jupiter.api.Test;

class TokenIssuerTests {

    private static final Duration LIFETIME = Duration.ofMinutes(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final TokenIssuer issuer = new TokenIssuer(new GatewayProperties(null, null,
            new GatewayProperties.Auth("test-issuer", null, Duration.ofHours(8), LIFETIME, null), null, null, null,
            null), clock);

    private static StaffMember channel(String name) {
        return new StaffMember("key-" + name, name + " channel key", Set.of(Role.CHANNEL), null, name);
    }

    @Test
    void shouldRelayTheSameChannelTokenWhileHalfItsLifetimeIsLeft() {
        String first = issuer.channelToken(channel("portal"));
        clock.advance(LIFETIME.dividedBy(2).minusSeconds(1));

        assertThat(issuer.channelToken(channel("portal"))).isEqualTo(first);
    }

    @Test
    void shouldSignANewChannelTokenOnceHalfItsLifetimeHasPassed() throws Exception {
        String first = issuer.channelToken(channel("portal"));
        clock.advance(LIFETIME.dividedBy(2));

        String renewed = issuer.channelToken(channel("portal"));

        assertThat(renewed).isNotEqualTo(first);
        assertThat(SignedJWT.parse(renewed).getJWTClaimsSet().getExpirationTime().toInstant())
                .isEqualTo(clock.instant().plus(LIFETIME));
    }

    @Test
    void shouldSignEachChannelItsOwnToken() throws Exception {
        String portal = issuer.channelToken(channel("portal"));
        String hotline = issuer.channelToken(channel("hotline"));

        assertThat(SignedJWT.parse(portal).getJWTClaimsSet().getStringClaim("channel")).isEqualTo("portal");
        assertThat(SignedJWT.parse(hotline).getJWTClaimsSet().getStringClaim("channel")).isEqualTo("hotline");
        assertThat(issuer.channelToken(channel("portal"))).isEqualTo(portal);
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
