package org.enquirytriage.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
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
    private static final long TOKEN_LIFETIME_SECONDS = 600;

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
        String token = sign(GATEWAY, keys);
        // the signature is checked on the machine's clock, the memory on one already past the token's expiry
        Clock pastExpiry = Clock.fixed(Instant.now().plusSeconds(TOKEN_LIFETIME_SECONDS + 1), ZoneOffset.UTC);
        StaffJwtDecoder remembering = StaffJwtDecoder.of(properties, null, pastExpiry);
        var first = remembering.decode(token);

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
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(TOKEN_LIFETIME_SECONDS)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("gw").build(), claims);
        jwt.sign(new RSASSASigner(signingKeys.getPrivate()));
        return jwt.serialize();
    }
}
