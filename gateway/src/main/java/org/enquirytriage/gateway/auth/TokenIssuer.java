package org.enquirytriage.gateway.auth;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.enquirytriage.gateway.GatewayProperties;
import org.enquirytriage.security.StaffClaims;
import org.enquirytriage.security.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs the tokens of the gateway's own issuer with RS256: the channel identity relayed for an API key and the
 * staff tokens of the built-in login; publishes the public key as a JWK set. A channel's token is signed once and
 * relayed again until half its lifetime has passed: an RS256 signature costs about a millisecond of CPU, more than
 * the rest of the gateway's work on a request.
 */
@Component
public class TokenIssuer {

    private static final Logger log = LoggerFactory.getLogger(TokenIssuer.class);

    private final String issuer;
    private final Duration staffTokenLifetime;
    private final Duration channelTokenLifetime;
    private final RSAKey key;
    private final RSASSASigner signer;
    private final Clock clock;
    private final ConcurrentMap<StaffMember, ChannelToken> channelTokens = new ConcurrentHashMap<>();

    TokenIssuer(GatewayProperties properties, Clock clock) {
        GatewayProperties.Auth auth = properties.auth();
        this.issuer = auth.issuer();
        this.staffTokenLifetime = auth.staffTokenLifetime();
        this.channelTokenLifetime = auth.channelTokenLifetime();
        this.clock = clock;
        KeyPair keys = auth.signingKey() == null || auth.signingKey().isBlank()
                ? generated() : parsed(auth.signingKey());
        try {
            this.key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                    .privateKey(keys.getPrivate())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint()
                    .build();
            this.signer = new RSASSASigner(key);
        } catch (JOSEException ex) {
            throw new IllegalStateException("The gateway's signing key cannot be used", ex);
        }
    }

    /** The {@code iss} of the tokens this issuer signs. */
    public String issuer() {
        return issuer;
    }

    /** The public key that verifies this issuer's tokens. */
    public RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException ex) {
            throw new IllegalStateException("The gateway's public key cannot be read", ex);
        }
    }

    /** The public JWK set, as served at {@code /auth/jwks}. */
    public Map<String, Object> jwkSet() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    /** A staff token for a logged-in user. */
    public IssuedToken staffToken(StaffMember member) {
        return sign(member, staffTokenLifetime, clock.instant());
    }

    /**
     * The short-lived token that carries a channel's identity to the services: the one signed for this channel
     * before while it has at least half its lifetime left, else a new one.
     */
    public String channelToken(StaffMember channel) {
        Instant now = clock.instant();
        ChannelToken current = channelTokens.get(channel);
        if (current != null && now.isBefore(current.renewAt()) && !now.isBefore(current.issuedAt())) {
            return current.value();
        }
        ChannelToken renewed = new ChannelToken(sign(channel, channelTokenLifetime, now).value(), now,
                now.plus(channelTokenLifetime.dividedBy(2)));
        channelTokens.put(channel, renewed);
        return renewed.value();
    }

    private IssuedToken sign(StaffMember member, Duration lifetime, Instant now) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)));
        StaffClaims.of(member).forEach(claims::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException ex) {
            throw new IllegalStateException("A token could not be signed", ex);
        }
        return new IssuedToken(jwt.serialize(), lifetime);
    }

    private static KeyPair generated() {
        log.info("No gateway.auth.signing-key configured: generated a signing key for this instance");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("RSA is not available", ex);
        }
    }

    private static KeyPair parsed(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException | IllegalArgumentException
                | ClassCastException ex) {
            throw new IllegalStateException("gateway.auth.signing-key is not an RSA private key in PKCS#8 PEM", ex);
        }
    }

    /** A channel token signed at {@code issuedAt}, relayed until {@code renewAt}. */
    private record ChannelToken(String value, Instant issuedAt, Instant renewAt) {
    }

    /**
     * A signed token and how long it is valid.
     *
     * @param value     the compact JWT
     * @param expiresIn its lifetime
     */
    public record IssuedToken(String value, Duration expiresIn) {
    }
}
