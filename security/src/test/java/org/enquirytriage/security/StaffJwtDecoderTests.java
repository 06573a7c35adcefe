package org.enquirytriage.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production decoder against a JWK set served like the gateway's {@code /auth/jwks}. */
class StaffJwtDecoderTests {

    private static final String GATEWAY = "enquiry-triage-gateway";

    private static KeyPair keys;
    private static HttpServer jwks;
    private static ServiceSecurityProperties properties;
    private static StaffJwtDecoder decoder;

    @BeforeAll
    static void serveTheGatewayKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        byte[] body = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID("gw").build())
                .toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        jwks.createContext("/auth/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.start();
        properties = new ServiceSecurityProperties(GATEWAY,
                "http://localhost:" + jwks.getAddress().getPort() + "/auth/jwks");
        decoder = StaffJwtDecoder.of(properties, null);
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    @Test
    void shouldAcceptATokenSignedByTheGateway() throws Exception {
        var jwt = decoder.decode(sign(GATEWAY, keys));

        assertThat(StaffClaims.toStaffMember(jwt.getClaims()))
                .isEqualTo(new StaffMember("u1", "Ann", Set.of(Role.STAFF), "housing"));
    }

    @Test
    void shouldRefuseATokenOfAnUntrustedIssuer() throws Exception {
        String token = sign("https://elsewhere.example", keys);

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("issuer");
    }

    @Test
    void shouldRefuseATokenSignedByAnotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = sign(GATEWAY, generator.generateKeyPair());

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void shouldCheckTheSignatureOfARepeatedTokenOnce() throws Exception {
        String token = sign(GATEWAY, keys);

        var first = decoder.decode(token);

        assertThat(decoder.decode(token)).isSameAs(first);
    }

    @Test
    void shouldCheckARememberedTokenAgainOnceItHasExpired() throws Exception {
        MovableClock clock = new MovableClock(Instant.now());
        StaffJwtDecoder remembering = StaffJwtDecoder.of(properties, null, clock);
        String token = sign(GATEWAY, keys);
        var first = remembering.decode(token);

        clock.now = first.getExpiresAt();

        var again = remembering.decode(token);

        assertThat(again).isNotSameAs(first);
        assertThat(again.getTokenValue()).isEqualTo(token);
    }

    @Test
    void shouldRefuseSomethingThatIsNotAJwt() {
        assertThatThrownBy(() -> decoder.decode("hello")).isInstanceOf(BadJwtException.class);
    }

    private static String sign(String issuer, KeyPair signingKeys) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("u1")
                .claim("name", "Ann").claim("roles", List.of("STAFF")).claim("department", "housing")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("gw").build(), claims);
        jwt.sign(new RSASSASigner(signingKeys.getPrivate()));
        return jwt.serialize();
    }

    /** A clock the test moves on. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
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
