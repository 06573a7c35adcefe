package org.enquirytriage.gateway.session;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The login cookie of the pages: how it is set and cleared, which paths take it, where a login may return to, and
 * whether a form post comes from the gateway's own origin.
 */
@Component
public class SessionCookies {

    /** The page with the login form, which posts to the same path. */
    public static final String LOGIN_PAGE = "/login";
    /** Where a page posts to log out. */
    public static final String LOGOUT = "/logout";

    private static final String SEC_FETCH_SITE = "Sec-Fetch-Site";
    /** The {@code Origin} of a browser that withholds the origin. */
    static final String WITHHELD_ORIGIN = "null";

    private final SessionProperties properties;
    private final List<PathPattern> paths;

    SessionCookies(SessionProperties properties) {
        this.properties = properties;
        this.paths = properties.paths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    /** The cookie that holds a staff token after a login, as long as the token is valid. */
    public ResponseCookie loggedIn(ServerWebExchange exchange, String token, Duration lifetime) {
        return cookie(exchange, token).maxAge(lifetime).build();
    }

    /** The cookie that ends the login. */
    public ResponseCookie loggedOut(ServerWebExchange exchange) {
        return cookie(exchange, "").maxAge(Duration.ZERO).build();
    }

    /** The token of the login cookie the request carries, {@code null} without one. */
    public String token(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(properties.cookieName());
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    /** The name of the login cookie. */
    public String cookieName() {
        return properties.cookieName();
    }

    /** Whether the path is a page that takes the login cookie. */
    public boolean isPage(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        return paths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /**
     * Where a login returns to: the page it names if it is one of the pages that take the login cookie (a path of
     * this origin, never another site), else the home page.
     */
    public String returnTo(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return properties.home();
        }
        try {
            URI uri = URI.create(next);
            if (uri.getScheme() != null || uri.getAuthority() != null || uri.getPath() == null) {
                return properties.home();
            }
            PathContainer path = PathContainer.parsePath(uri.getRawPath());
            return paths.stream().anyMatch(pattern -> pattern.matches(path)) ? next : properties.home();
        }
        catch (IllegalArgumentException e) {
            return properties.home();
        }
    }

    /**
     * Whether a request comes from a page of the gateway's own origin: its {@code Origin} names this origin (or one
     * configured), or, when the browser withholds the origin, it says {@code Sec-Fetch-Site: same-origin}. Browsers
     * send {@code Origin: null} with a form post from a page whose {@code Referrer-Policy} is {@code no-referrer}, as
     * the gateway's pages are. A request that says neither is not taken as a browser's own form post.
     */
    public boolean fromOwnOrigin(ServerHttpRequest request) {
        String origin = request.getHeaders().getOrigin();
        if (origin == null || WITHHELD_ORIGIN.equals(origin)) {
            return "same-origin".equals(request.getHeaders().getFirst(SEC_FETCH_SITE));
        }
        if (properties.allowedOrigins().contains(origin)) {
            return true;
        }
        try {
            URI from = URI.create(origin);
            URI self = request.getURI();
            return from.getHost() != null && self.getHost() != null
                    && from.getHost().toLowerCase(Locale.ROOT).equals(self.getHost().toLowerCase(Locale.ROOT))
                    && port(from) == port(self);
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private ResponseCookie.ResponseCookieBuilder cookie(ServerWebExchange exchange, String value) {
        return ResponseCookie.from(properties.cookieName(), value).httpOnly(true).sameSite("Strict").path("/")
                .secure(secure(exchange.getRequest()));
    }

    private boolean secure(ServerHttpRequest request) {
        if (properties.secureCookie() != null) {
            return properties.secureCookie();
        }
        return request.getSslInfo() != null
                || "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"));
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
