package org.enquirytriage.gateway.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API key as presented in {@code X-Api-Key}, not yet checked. */
final class PresentedApiKey extends AbstractAuthenticationToken {

    private final String key;

    PresentedApiKey(String key) {
        super(List.of());
        this.key = key;
    }

    @Override
    public String getPrincipal() {
        return "api-key";
    }

    @Override
    public String getCredentials() {
        return key;
    }
}
