package org.enquirytriage.gateway.session;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser session of the pages the gateway fronts.
 *
 * @param cookieName     the cookie that holds the staff token after a login on {@code /login}
 * @param paths          the path patterns of pages that take the cookie as the login; every other path (the APIs)
 *                       ignores it, so that no cross-site request can ride on it there
 * @param home           where a login goes when it names no page to return to
 * @param secureCookie   mark the cookie {@code Secure}; when absent, it is marked so on requests that came over https
 *                       or say so in {@code X-Forwarded-Proto}
 * @param allowedOrigins origins besides the gateway's own from which form posts are accepted, e.g. the public origin
 *                       when a proxy in front changes the {@code Host} header
 */
@ConfigurationProperties("gateway.session")
public record SessionProperties(
        @DefaultValue("enquiry_session") String cookieName,
        @DefaultValue({"/dashboard", "/dashboard/**"}) List<String> paths,
        @DefaultValue("/dashboard") String home,
        Boolean secureCookie,
        List<String> allowedOrigins) {

    public SessionProperties {
        paths = List.copyOf(paths);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
