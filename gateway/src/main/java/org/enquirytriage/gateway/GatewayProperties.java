package org.enquirytriage.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.enquirytriage.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings.
 *
 * @param maxRequestSize  the largest request body the gateway accepts; a larger one is refused with 413
 * @param largeRequests   paths that take larger bodies (batches, CSV imports, model files), each with its limit
 * @param auth            the gateway's own token issuer and, for the local stack only, its users
 * @param rateLimit       the request rate limits per API key and per client address
 * @param cors            the browser origins allowed to call the gateway
 * @param securityHeaders the security headers added to every response
 * @param demo            the demo channel keys and password of the local stack; absent in production
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue List<LargeRequests> largeRequests,
        @DefaultValue Auth auth,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Cors cors,
        @DefaultValue SecurityHeaders securityHeaders,
        @DefaultValue Demo demo) {

    /**
     * Paths whose requests may be larger than {@code max-request-size}.
     *
     * @param paths   path patterns, such as {@code /api/triage/models/*}
     * @param maxSize the largest body accepted on them
     */
    public record LargeRequests(List<String> paths, DataSize maxSize) {
    }

    /**
     * The gateway's token issuer: it signs the channel identity it relays for an API key and, when users are
     * configured (the local stack), the staff tokens of {@code POST /auth/login}.
     *
     * @param issuer               the {@code iss} of the tokens it signs (the services trust it by this name)
     * @param signingKey           an RSA private key (PKCS#8 PEM) shared by every gateway instance; a key is
     *                             generated at start-up when absent, which suits one instance only
     * @param staffTokenLifetime   how long a login token is valid
     * @param channelTokenLifetime how long a relayed channel token is valid
     * @param users                the users who may log in; none in production, where an OIDC issuer signs
     */
    public record Auth(
            @DefaultValue("enquiry-triage-gateway") String issuer,
            String signingKey,
            @DefaultValue("8h") Duration staffTokenLifetime,
            @DefaultValue("5m") Duration channelTokenLifetime,
            List<User> users) {

        public Auth {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    /**
     * A user of the built-in login.
     *
     * @param username     what they log in with
     * @param passwordHash the BCrypt hash of their password
     * @param name         the display name
     * @param roles        their roles
     * @param department   their department (for {@link Role#STAFF})
     */
    public record User(String username, String passwordHash, String name, Set<Role> roles, String department) {

        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /**
     * Rate limits, each a token bucket held in this gateway instance's memory.
     *
     * @param enabled          whether requests are limited at all
     * @param perApiKey        the limit for each channel API key ({@code X-Api-Key})
     * @param perClientAddress the limit for each client address
     * @param trustedProxies   how many proxies in front of the gateway append to {@code X-Forwarded-For}; 0 uses the
     *                         connection's address
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            Limit perApiKey,
            Limit perClientAddress,
            @DefaultValue("0") int trustedProxies) {

        public RateLimit {
            perApiKey = perApiKey != null ? perApiKey : new Limit(120, null);
            perClientAddress = perClientAddress != null ? perClientAddress : new Limit(600, null);
        }
    }

    /**
     * At most {@code capacity} requests in each {@code period}, refilled gradually.
     *
     * @param capacity the number of requests
     * @param period   the period (default one minute)
     */
    public record Limit(long capacity, Duration period) {

        public Limit {
            if (capacity <= 0) {
                throw new IllegalArgumentException("A rate limit's capacity must be positive, not " + capacity);
            }
            period = period != null ? period : Duration.ofMinutes(1);
        }
    }

    /**
     * Cross-origin requests from browsers.
     *
     * @param allowedOrigins the origins (e.g. {@code https://dashboard.example.gov}); none: no cross-origin calls
     */
    public record Cors(List<String> allowedOrigins) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * Security headers on every response.
     *
     * @param contentSecurityPolicy the {@code Content-Security-Policy}
     * @param hstsAlways            send {@code Strict-Transport-Security} on every response (set it when a TLS
     *                              proxy is in front); otherwise only on requests that reached the gateway over https
     * @param hstsMaxAge            the HSTS max age
     */
    public record SecurityHeaders(
            @DefaultValue("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; "
                    + "form-action 'self'")
            String contentSecurityPolicy,
            @DefaultValue("false") boolean hstsAlways,
            @DefaultValue("365d") Duration hstsMaxAge) {
    }

    /**
     * The local stack's demo: channel keys created at start-up and the password of the demo users, printed in the
     * log. Never configured in production.
     *
     * @param password    the password every demo user has (checked against their hashes at start-up)
     * @param channelKeys the demo channel keys
     */
    public record Demo(String password, List<DemoChannelKey> channelKeys) {

        public Demo {
            channelKeys = channelKeys == null ? List.of() : List.copyOf(channelKeys);
        }

        /** Whether a demo is configured. */
        public boolean configured() {
            return password != null || !channelKeys.isEmpty();
        }
    }

    /**
     * A demo channel key.
     *
     * @param channel     the channel it may post as
     * @param key         the key itself
     * @param description what it is for
     */
    public record DemoChannelKey(String channel, String key, String description) {
    }
}
