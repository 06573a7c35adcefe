package org.enquirytriage.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Decodes a token with the decoder of the issuer it names: the gateway's own issuer (keys from its JWK set) or the
 * configured OIDC issuer; a token of any other issuer is refused. Keys are fetched on first use, so a service starts
 * before the gateway or the issuer is up.
 * <p>
 * A token verified once is remembered until it expires (at most {@link #REMEMBERED_FOR}), keyed by the whole token,
 * signature included: the gateway relays the same channel token for minutes, and checking its RSA signature again on
 * every request was a quarter of intake-service's CPU under load.
 */
final class StaffJwtDecoder implements JwtDecoder {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, JwtDecoder> decodersByIssuer;
    private final Clock clock;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED)
            .expireAfterWrite(REMEMBERED_FOR)
            .build();

    private StaffJwtDecoder(Map<String, JwtDecoder> decodersByIssuer, Clock clock) {
        this.decodersByIssuer = decodersByIssuer;
        this.clock = clock;
    }

    static StaffJwtDecoder of(ServiceSecurityProperties properties, String oidcIssuerUri) {
        return of(properties, oidcIssuerUri, List.of(), Clock.systemUTC());
    }

    static StaffJwtDecoder of(ServiceSecurityProperties properties, String oidcIssuerUri,
            List<String> oidcAudiences) {
        return of(properties, oidcIssuerUri, oidcAudiences, Clock.systemUTC());
    }

    static StaffJwtDecoder of(ServiceSecurityProperties properties, String oidcIssuerUri, Clock clock) {
        return of(properties, oidcIssuerUri, List.of(), clock);
    }

    /**
     * @param oidcAudiences the audiences (client ids) an OIDC token must be for; required with an OIDC issuer
     */
    static StaffJwtDecoder of(ServiceSecurityProperties properties, String oidcIssuerUri, List<String> oidcAudiences,
            Clock clock) {
        NimbusJwtDecoder gateway = NimbusJwtDecoder.withJwkSetUri(properties.gatewayJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        gateway.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.gatewayIssuer()));
        if (oidcIssuerUri == null || oidcIssuerUri.isBlank()) {
            return new StaffJwtDecoder(Map.of(properties.gatewayIssuer(), gateway), clock);
        }
        OAuth2TokenValidator<Jwt> validator = OidcTokens.validator(oidcIssuerUri, oidcAudiences);
        JwtDecoder discovered = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(oidcIssuerUri);
            decoder.setJwtValidator(validator);
            return decoder;
        });
        JwtDecoder oidc = token -> OidcTokens.asStaffToken(discovered.decode(token), oidcAudiences);
        return new StaffJwtDecoder(Map.of(properties.gatewayIssuer(), gateway, oidcIssuerUri, oidc), clock);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = verify(token);
        if (jwt.getExpiresAt() != null) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    private Jwt verify(String token) {
        String issuer;
        try {
            if (!(JWTParser.parse(token) instanceof SignedJWT signed)) {
                throw new BadJwtException("The token is not a signed JWT");
            }
            issuer = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException ex) {
            throw new BadJwtException("The token is not a JWT", ex);
        }
        JwtDecoder decoder = issuer == null ? null : decodersByIssuer.get(issuer);
        if (decoder == null) {
            throw new BadJwtException("The token's issuer is not trusted");
        }
        return decoder.decode(token);
    }
}
