package org.enquirytriage.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service finds the keys of the gateway's own issuer (which signs channel tokens, and staff tokens in the
 * local stack); an external OIDC issuer is configured with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 *
 * @param gatewayIssuer     the {@code iss} of tokens the gateway signs
 * @param gatewayJwkSetUri  the gateway's JWK set
 */
@ConfigurationProperties("enquiry.security")
public record ServiceSecurityProperties(
        @DefaultValue("enquiry-triage-gateway") String gatewayIssuer,
        @DefaultValue("http://localhost:8080/auth/jwks") String gatewayJwkSetUri) {
}
