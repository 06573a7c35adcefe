package org.enquirytriage.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Endpoints of a service that only some roles may call, checked by the security filter before the request reaches
 * the controller (so a large body of a caller without the role is never read); a service declares them as a bean,
 * e.g. {@code RestrictedEndpoints.of(Set.of(Role.ADMIN), "/api/triage/models/**")}. The controller may check again.
 *
 * @param endpoints the restricted endpoints
 */
public record RestrictedEndpoints(List<Endpoint> endpoints) {

    public RestrictedEndpoints {
        endpoints = List.copyOf(endpoints);
    }

    /** The path patterns (any method) for callers with any of the roles. */
    public static RestrictedEndpoints of(Set<Role> roles, String... patterns) {
        return new RestrictedEndpoints(List.of()).and(roles, patterns);
    }

    /** These endpoints and the path patterns (any method) for callers with any of the roles. */
    public RestrictedEndpoints and(Set<Role> roles, String... patterns) {
        List<Endpoint> all = new ArrayList<>(endpoints);
        for (String pattern : patterns) {
            all.add(new Endpoint(pattern, roles));
        }
        return new RestrictedEndpoints(all);
    }

    /**
     * One restricted endpoint.
     *
     * @param pattern a path pattern ({@code *} one segment, {@code **} any number)
     * @param roles   the roles that may call it
     */
    public record Endpoint(String pattern, Set<Role> roles) {

        public Endpoint {
            roles = Set.copyOf(roles);
        }
    }
}
