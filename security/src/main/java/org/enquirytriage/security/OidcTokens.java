package org.enquirytriage.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What the gateway and the services accept of a token of the external OIDC issuer: an access token (not an ID token)
 * issued for this application ({@code aud} or {@code azp} one of the configured audiences), whose roles are the
 * client roles of that audience ({@code resource_access.<audience>.roles}, Keycloak's layout) or, without them, the
 * {@code roles} claim; never {@link Role#CHANNEL} nor a {@code channel} claim, which only the gateway's own issuer
 * may grant.
 */
public final class OidcTokens {

    private static final Set<String> ACCESS_TOKEN_TYPES = Set.of("jwt", "at+jwt", "application/at+jwt");

    private OidcTokens() {
    }

    /**
     * The validator of the issuer's tokens: the default checks with the issuer, the audience, the token type.
     *
     * @throws IllegalStateException when no audience is configured
     */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, Collection<String> audiences) {
        List<String> expected = audiences == null ? List.of()
                : audiences.stream().filter(audience -> !audience.isBlank()).toList();
        if (expected.isEmpty()) {
            throw new IllegalStateException("An OIDC issuer is configured without an audience: set OIDC_AUDIENCE "
                    + "(spring.security.oauth2.resourceserver.jwt.audiences) to the client id of this application");
        }
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                jwt -> forAudience(jwt, expected), OidcTokens::accessToken);
    }

    /** The token with the claims the services read: roles from the audience's client roles, no channel. */
    public static Jwt asStaffToken(Jwt jwt, Collection<String> audiences) {
        Map<String, Object> claims = new LinkedHashMap<>(jwt.getClaims());
        List<String> roles = clientRoles(jwt, audiences);
        if (roles == null) {
            roles = StaffClaims.toStaffMember(jwt.getClaims()).roles().stream().map(Role::name).toList();
        }
        claims.put(StaffClaims.ROLES, roles.stream()
                .filter(role -> !role.equalsIgnoreCase(Role.CHANNEL.name())).toList());
        claims.remove(StaffClaims.CHANNEL);
        return Jwt.withTokenValue(jwt.getTokenValue()).headers(headers -> headers.putAll(jwt.getHeaders()))
                .claims(all -> all.putAll(claims)).build();
    }

    private static OAuth2TokenValidatorResult forAudience(Jwt jwt, List<String> audiences) {
        List<String> aud = jwt.getAudience() == null ? List.of() : jwt.getAudience();
        String azp = jwt.getClaimAsString("azp");
        if (aud.stream().anyMatch(audiences::contains) || azp != null && audiences.contains(azp)) {
            return OAuth2TokenValidatorResult.success();
        }
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "The token was not issued for this application (aud, azp)", null));
    }

    private static OAuth2TokenValidatorResult accessToken(Jwt jwt) {
        Object headerType = jwt.getHeaders().get("typ");
        String claimType = jwt.getClaimAsString("typ");
        boolean accessToken = (headerType == null
                || ACCESS_TOKEN_TYPES.contains(headerType.toString().toLowerCase(Locale.ROOT)))
                && (claimType == null || claimType.equalsIgnoreCase("Bearer"));
        return accessToken ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "The token is not an access token (typ)", null));
    }

    private static List<String> clientRoles(Jwt jwt, Collection<String> audiences) {
        if (!(jwt.getClaims().get("resource_access") instanceof Map<?, ?> resourceAccess) || audiences == null) {
            return null;
        }
        List<String> roles = new ArrayList<>();
        boolean found = false;
        for (String audience : audiences) {
            if (resourceAccess.get(audience) instanceof Map<?, ?> client
                    && client.get("roles") instanceof Collection<?> names) {
                found = true;
                names.forEach(name -> roles.add(String.valueOf(name)));
            }
        }
        return found ? roles : null;
    }
}
