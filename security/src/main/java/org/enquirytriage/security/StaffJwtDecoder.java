package org.enquirytriage.security;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
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
 */
final class StaffJwtDecoder implements JwtDecoder {

    private final Map<String, JwtDecoder> decodersByIssuer;

    private StaffJwtDecoder(Map<String, JwtDecoder> decodersByIssuer) {
        this.decodersByIssuer = decodersByIssuer;
    }

    static StaffJwtDecoder of(ServiceSecurityProperties properties, String oidcIssuerUri) {
        NimbusJwtDecoder gateway = NimbusJwtDecoder.withJwkSetUri(properties.gatewayJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        gateway.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.gatewayIssuer()));
        if (oidcIssuerUri == null || oidcIssuerUri.isBlank()) {
            return new StaffJwtDecoder(Map.of(properties.gatewayIssuer(), gateway));
        }
        JwtDecoder oidc = new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(oidcIssuerUri));
        return new StaffJwtDecoder(Map.of(properties.gatewayIssuer(), gateway, oidcIssuerUri, oidc));
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
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
