package org.enquirytriage.security.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffClaims;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Tokens for tests: {@code mockMvc.perform(get(...).with(StaffAuthentication.as(staff)))} in a
 * {@code @WebMvcTest}, or the header {@code Authorization: StaffAuthentication.bearer(staff)} over real HTTP in a
 * {@code @SpringBootTest}. Every Spring test context trusts these tokens (see
 * {@link StaffTokensContextCustomizerFactory}).
 */
public final class StaffAuthentication {

    /** The issuer of test tokens. */
    public static final String ISSUER = "enquiry-triage-test";

    private static final KeyPair KEYS = generateKeys();
    private static final KeyPair OTHER_KEYS = generateKeys();
    private static final Duration LIFETIME = Duration.ofHours(1);

    private StaffAuthentication() {
    }

    /** A MockMvc request post-processor that sends the caller's token. */
    public static RequestPostProcessor as(StaffMember caller) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, bearer(caller));
            return request;
        };
    }

    /** The value of an {@code Authorization} header with the caller's token. */
    public static String bearer(StaffMember caller) {
        return "Bearer " + token(caller);
    }

    /** A signed token for the caller, valid for an hour. */
    public static String token(StaffMember caller) {
        return sign(caller, KEYS, Instant.now().plus(LIFETIME));
    }

    /** A token for the caller that expired a minute ago. */
    public static String expiredToken(StaffMember caller) {
        return sign(caller, KEYS, Instant.now().minus(Duration.ofMinutes(1)));
    }

    /** A token for the caller signed by a key nobody trusts. */
    public static String forgedToken(StaffMember caller) {
        return sign(caller, OTHER_KEYS, Instant.now().plus(LIFETIME));
    }

    /** The decoder that trusts the tokens of this class (registered in every test context). */
    public static JwtDecoder decoder() {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
    }

    /** A member of staff of the department. */
    public static StaffMember staff(String department) {
        return new StaffMember("staff-" + department, "Staff of " + department, Set.of(Role.STAFF), department);
    }

    /** A supervisor (every department). */
    public static StaffMember supervisor() {
        return new StaffMember("supervisor", "Supervisor", Set.of(Role.SUPERVISOR), null);
    }

    /** An editor of the Q&A. */
    public static StaffMember editor() {
        return new StaffMember("editor", "Editor", Set.of(Role.EDITOR), null);
    }

    /** An administrator. */
    public static StaffMember admin() {
        return new StaffMember("admin", "Admin", Set.of(Role.ADMIN), null);
    }

    /** A channel adapter that may post as the channel. */
    public static StaffMember channel(String channel) {
        return new StaffMember("key-" + channel, channel + " adapter", Set.of(Role.CHANNEL), null, channel);
    }

    private static String sign(StaffMember caller, KeyPair keys, Instant expiresAt) {
        Instant issuedAt = expiresAt.minus(LIFETIME);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt));
        for (Map.Entry<String, Object> claim : StaffClaims.of(caller).entrySet()) {
            claims.claim(claim.getKey(), claim.getValue());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException ex) {
            throw new IllegalStateException("Cannot sign a test token", ex);
        }
        return jwt.serialize();
    }

    private static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("RSA is not available", ex);
        }
    }
}
