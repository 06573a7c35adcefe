package org.enquirytriage.gateway.auth;

import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.security.RevokedTokens;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;

/** Ends a login: the token, once verified, goes on the deny-list until it expires. */
@Component
class Logout {

    private final ReactiveJwtDecoder decoder;
    private final RevokedTokens revoked;

    Logout(ReactiveJwtDecoder decoder, RevokedTokens revoked) {
        this.decoder = decoder;
        this.revoked = revoked;
    }

    /** Revokes the token; nothing for {@code null} or a token that is not valid (expired, forged, revoked). */
    Mono<Void> revoke(String token) {
        if (token == null || token.isBlank()) {
            return Mono.empty();
        }
        return decoder.decode(token)
                .doOnNext(jwt -> revoked.revoke(token, jwt.getExpiresAt()))
                .onErrorResume(JwtException.class, ex -> Mono.empty())
                .then();
    }
}
