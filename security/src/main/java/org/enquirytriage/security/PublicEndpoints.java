package org.enquirytriage.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * The endpoints of a service that answer without a token; a service declares them as a bean, e.g.
 * {@code PublicEndpoints.of(HttpMethod.GET, "/api/enquiries/*}{@code /status").and("/open311/**")}. Everything else
 * needs a valid token.
 *
 * @param endpoints the public endpoints
 */
public record PublicEndpoints(List<Endpoint> endpoints) {

    public PublicEndpoints {
        endpoints = List.copyOf(endpoints);
    }

    /** Public endpoints for the path patterns with any method. */
    public static PublicEndpoints of(String... patterns) {
        return new PublicEndpoints(List.of()).and(patterns);
    }

    /** Public endpoints for the path patterns with this method. */
    public static PublicEndpoints of(HttpMethod method, String... patterns) {
        return new PublicEndpoints(List.of()).and(method, patterns);
    }

    /** These endpoints and the path patterns with any method. */
    public PublicEndpoints and(String... patterns) {
        return and(null, patterns);
    }

    /** These endpoints and the path patterns with this method ({@code null}: any method). */
    public PublicEndpoints and(HttpMethod method, String... patterns) {
        List<Endpoint> all = new ArrayList<>(endpoints);
        for (String pattern : patterns) {
            all.add(new Endpoint(method, pattern));
        }
        return new PublicEndpoints(all);
    }

    /**
     * One public endpoint.
     *
     * @param method  the HTTP method, or {@code null} for any
     * @param pattern a path pattern ({@code *} one segment, {@code **} any number)
     */
    public record Endpoint(HttpMethod method, String pattern) {
    }
}
