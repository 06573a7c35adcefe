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
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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
    private static final String CLIENT = "enquiry-triage";

    private static KeyPair keys;
    private static HttpServer jwks;
    private static ServiceSecurityProperties properties;
    private static StaffJwtDecoder decoder;
    private static String oidcIssuer;

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
        String base = "http://localhost:" + jwks.getAddress().getPort();
        byte[] discovery = """
                {"issuer":"%1$s","jwks_uri":"%1$s/auth/jwks","subject_types_supported":["public"],
                 "response_types_supported":["code"],"id_token_signing_alg_values_supported":["RS256"]}"""
                .formatted(base).getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/.well-known/openid-configuration", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, discovery.length);
            exchange.getResponseBody().write(discovery);
            exchange.close();
        });
        oidcIssuer = base;
        properties = new ServiceSecurityProperties(GATEWAY, base + "/auth/jwks");
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

    @Test
    void shouldRefuseAnEncryptedTokenAsBadNotWithAnError() {
        // a JWE's five parts: header {"alg":"RSA-OAEP-256","enc":"A256GCM"}, then anything
        String jwe = "eyJhbGciOiJSU0EtT0FFUC0yNTYiLCJlbmMiOiJBMjU2R0NNIn0.AAAA.AAAA.AAAA.AAAA";

        assertThatThrownBy(() -> decoder.decode(jwe)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("signed");
    }

    @Test
    void shouldRefuseAnOidcIssuerWithoutAnAudience() {
        assertThatThrownBy(() -> StaffJwtDecoder.of(properties, oidcIssuer, List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OIDC_AUDIENCE");
    }

    @Test
    void shouldAcceptAnOidcTokenForThisApplicationWithoutTheChannelRole() throws Exception {
        StaffJwtDecoder oidc = StaffJwtDecoder.of(properties, oidcIssuer, List.of(CLIENT));
        String token = sign(oidcIssuer, keys, claims -> claims.audience(CLIENT)
                .claim("roles", List.of("STAFF", "CHANNEL")).claim("channel", "portal"));

        StaffMember member = StaffClaims.toStaffMember(oidc.decode(token).getClaims());

        assertThat(member.roles()).containsExactly(Role.STAFF);
        assertThat(member.channel()).isNull();
        assertThat(member.mayPostAs("portal")).isFalse();
    }

    @Test
    void shouldTakeTheRolesOfAnOidcTokenFromItsClientRoles() throws Exception {
        StaffJwtDecoder oidc = StaffJwtDecoder.of(properties, oidcIssuer, List.of(CLIENT));
        String token = sign(oidcIssuer, keys, claims -> claims.claim("azp", CLIENT).claim("roles", List.of("ADMIN"))
                .claim("resource_access", Map.of(CLIENT, Map.of("roles", List.of("SUPERVISOR")),
                        "another-app", Map.of("roles", List.of("ADMIN")))));

        assertThat(StaffClaims.toStaffMember(oidc.decode(token).getClaims()).roles())
                .containsExactly(Role.SUPERVISOR);
    }

    @Test
    void shouldRefuseAnOidcTokenForAnotherApplicationOrAnIdToken() throws Exception {
        StaffJwtDecoder oidc = StaffJwtDecoder.of(properties, oidcIssuer, List.of(CLIENT));
        String otherApplication = sign(oidcIssuer, keys, claims -> claims.audience("another-app")
                .claim("azp", "another-app"));
        String idToken = sign(oidcIssuer, keys, claims -> claims.audience(CLIENT).claim("typ", "ID"));

        assertThatThrownBy(() -> oidc.decode(otherApplication)).isInstanceOf(JwtException.class)
                .hasMessageContaining("aud");
        assertThatThrownBy(() -> oidc.decode(idToken)).isInstanceOf(JwtException.class)
                .hasMessageContaining("typ");
    }

    private static String sign(String issuer, KeyPair signingKeys) throws Exception {
        return sign(issuer, signingKeys, claims -> claims);
    }

    private static String sign(String issuer, KeyPair signingKeys, UnaryOperator<JWTClaimsSet.Builder> more)
            throws Exception {
        JWTClaimsSet claims = more.apply(new JWTClaimsSet.Builder().issuer(issuer).subject("u1")
                .claim("name", "Ann").claim("roles", List.of("STAFF")).claim("department", "housing")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(TOKEN_LIFETIME_SECONDS))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("gw").build(), claims);
        jwt.sign(new RSASSASigner(signingKeys.getPrivate()));
        return jwt.serialize();
    }
}
