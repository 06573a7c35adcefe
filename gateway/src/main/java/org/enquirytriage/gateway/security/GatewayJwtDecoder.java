package org.enquirytriage.gateway.security;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import reactor.core.publisher.Mono;

import org.enquirytriage.security.OidcTokens;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffClaims;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;

/**
 * Verifies a staff bearer token with the decoder of the issuer it names: the gateway's own (its public key) or the
 * configured OIDC issuer (discovered on first use, its tokens checked and read as {@link OidcTokens} says); any
 * other issuer, anything but a signed JWT, a token whose user logged out ({@link RevokedTokens}), and any bearer
 * token that claims the CHANNEL role (channels authenticate with an API key), is refused.
 */
final class GatewayJwtDecoder implements ReactiveJwtDecoder {

    private static final OAuth2TokenValidator<Jwt> NOT_A_CHANNEL = jwt ->
            StaffClaims.toStaffMember(jwt.getClaims()).has(Role.CHANNEL)
                    ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                            "Channel adapters authenticate with an API key, not a bearer token", null))
                    : OAuth2TokenValidatorResult.success();

    private final Map<String, ReactiveJwtDecoder> decodersByIssuer;
    private final RevokedTokens revoked;

    private GatewayJwtDecoder(Map<String, ReactiveJwtDecoder> decodersByIssuer, RevokedTokens revoked) {
        this.decodersByIssuer = decodersByIssuer;
        this.revoked = revoked;
    }

    /**
     * @param oidcAudiences the audiences (client ids) an OIDC token must be for; required with an OIDC issuer
     */
    static GatewayJwtDecoder of(String ownIssuer, RSAPublicKey ownKey, String oidcIssuerUri,
            List<String> oidcAudiences, RevokedTokens revoked) {
        NimbusReactiveJwtDecoder own = NimbusReactiveJwtDecoder.withPublicKey(ownKey).build();
        own.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ownIssuer),
                NOT_A_CHANNEL));
        if (oidcIssuerUri == null || oidcIssuerUri.isBlank()) {
            return new GatewayJwtDecoder(Map.of(ownIssuer, own), revoked);
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                OidcTokens.validator(oidcIssuerUri, oidcAudiences), NOT_A_CHANNEL);
        ReactiveJwtDecoder discovered = new SupplierReactiveJwtDecoder(() -> {
            NimbusReactiveJwtDecoder decoder = (NimbusReactiveJwtDecoder) ReactiveJwtDecoders
                    .fromIssuerLocation(oidcIssuerUri);
            decoder.setJwtValidator(validator);
            return decoder;
        });
        ReactiveJwtDecoder oidc = token -> discovered.decode(token)
                .map(jwt -> OidcTokens.asStaffToken(jwt, oidcAudiences));
        return new GatewayJwtDecoder(Map.of(ownIssuer, own, oidcIssuerUri, oidc), revoked);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        if (revoked.isRevoked(token)) {
            return Mono.error(new BadJwtException("The token was revoked: its user logged out"));
        }
        String issuer;
        try {
            if (!(JWTParser.parse(token) instanceof SignedJWT signed)) {
                return Mono.error(new BadJwtException("The token is not a signed JWT"));
            }
            issuer = signed.getJWTClaimsSet().getIssuer();
        } catch (ParseException ex) {
            return Mono.error(new BadJwtException("The token is not a JWT", ex));
        }
        ReactiveJwtDecoder decoder = issuer == null ? null : decodersByIssuer.get(issuer);
        if (decoder == null) {
            return Mono.error(new BadJwtException("The token's issuer is not trusted"));
        }
        return decoder.decode(token);
    }
}
