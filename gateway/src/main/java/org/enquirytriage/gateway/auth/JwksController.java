package org.enquirytriage.gateway.auth;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public key of the gateway's issuer, from which the services verify the tokens it signs. */
@RestController
class JwksController {

    private final TokenIssuer issuer;

    JwksController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @GetMapping("/auth/jwks")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .body(issuer.jwkSet());
    }
}
