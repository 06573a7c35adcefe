package org.enquirytriage.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * Which routes are public and which roles the others need at the gateway; the services check roles and the
 * department again (a member of staff only acts for their own department's cases).
 */
final class AccessRules {

    private static final String STAFF = "STAFF";
    private static final String SUPERVISOR = "SUPERVISOR";
    private static final String EDITOR = "EDITOR";
    private static final String ADMIN = "ADMIN";
    private static final String CHANNEL = "CHANNEL";

    private AccessRules() {
    }

    static void apply(AuthorizeExchangeSpec exchanges) {
        exchanges
                // public: login and keys of the gateway's issuer, health, the citizen's and the platforms' routes
                .pathMatchers("/auth/**").permitAll()
                // the login page of the dashboard (a form, its stylesheet, logging out)
                .pathMatchers("/login", "/login/**", "/logout").permitAll()
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/api/enquiries/*/status").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/enquiries/*/satisfaction").permitAll()
                .pathMatchers("/open311/**", "/api/channels/wechat", "/api/channels/wechat/**").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/knowledge", "/api/knowledge/**").permitAll()
                .pathMatchers(HttpMethod.POST, "/api/knowledge/suggestions").permitAll()
                // the public knowledge-base page, its feeds and audio
                .pathMatchers(HttpMethod.GET, "/knowledge", "/knowledge/**").permitAll()
                // the editors' page holds no data itself; its parts are fetched with the editor's login
                .pathMatchers(HttpMethod.GET, "/editor", "/editor/assets/**", "/editor/webjars/**").permitAll()
                // the supervisors' surge page likewise; the surges and their responses: supervisors and admins
                .pathMatchers(HttpMethod.GET, "/surges").permitAll()
                .pathMatchers("/surges/**", "/api/surges", "/api/surges/**").hasAnyRole(SUPERVISOR, ADMIN)
                // channel adapters, with an API key
                .pathMatchers(HttpMethod.POST, "/api/enquiries", "/api/enquiries/batch",
                        "/api/channels/hotline/work-orders")
                .hasRole(CHANNEL)
                // partner accounts fetch posts to republish (publishing checks its whitelist)
                .pathMatchers(HttpMethod.GET, "/api/publication/syndication").hasRole(CHANNEL)
                // outlets report what readers did with a post (their own outlet's figures), as editors may
                .pathMatchers(HttpMethod.POST, "/api/publication/engagement").hasAnyRole(CHANNEL, EDITOR, ADMIN)
                // the gateway's own administration and the audit log
                .pathMatchers("/api/admin/**").hasRole(ADMIN)
                .pathMatchers("/api/audit", "/api/audit/**").hasAnyRole(SUPERVISOR, ADMIN)
                // routing rules: supervisors read them, admins change them; every member of staff sees the departments
                .pathMatchers(HttpMethod.GET, "/api/routing/departments").hasAnyRole(STAFF, SUPERVISOR, EDITOR, ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/routing/**").hasAnyRole(SUPERVISOR, ADMIN)
                .pathMatchers("/api/routing/**").hasRole(ADMIN)
                // the classifier's models (uploads of up to 64 MB): admins only, refused before the body is relayed
                .pathMatchers("/api/triage/models", "/api/triage/models/**").hasRole(ADMIN)
                // cases and their supervision: staff (their department's, checked by triage), supervisors, admins
                .pathMatchers("/api/cases", "/api/cases/**", "/api/supervision/**").hasAnyRole(STAFF, SUPERVISOR, ADMIN)
                // everything else: any member of staff; the service checks the role it needs
                .anyExchange().hasAnyRole(STAFF, SUPERVISOR, EDITOR, ADMIN);
    }
}
