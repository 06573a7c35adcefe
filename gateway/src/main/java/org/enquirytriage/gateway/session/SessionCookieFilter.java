package org.enquirytriage.gateway.session;

import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Before authentication: a request to a page (the dashboard) that carries the login cookie and no
 * {@code Authorization} header is given {@code Authorization: Bearer <the cookie's token>}, which the gateway then
 * checks and relays like any other; the cookie itself is not passed on. A form post that would act on the login (to
 * a page with the cookie, to {@code /login} or {@code /logout}) must come from the gateway's own origin, or it is
 * refused with 403: together with {@code SameSite=Strict} this keeps other sites from posting on the user's behalf.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50)
class SessionCookieFilter implements WebFilter {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final SessionCookies cookies;
    private final ProblemResponses problems;

    SessionCookieFilter(SessionCookies cookies, ProblemResponses problems) {
        this.cookies = cookies;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        boolean page = cookies.isPage(request);
        String token = page ? cookies.token(request) : null;
        String path = request.getPath().pathWithinApplication().value();
        boolean actsOnLogin = token != null || SessionCookies.LOGIN_PAGE.equals(path)
                || SessionCookies.LOGOUT.equals(path);
        if (!SAFE.contains(request.getMethod()) && actsOnLogin && !cookies.fromOwnOrigin(request)) {
            return problems.write(exchange, problems.problem(exchange, HttpStatus.FORBIDDEN, "cross-site-request",
                    "Forbidden", "A form of the dashboard must be posted from the gateway's own origin (the Origin "
                            + "header did not match)."));
        }
        // a same-origin post whose origin the browser withheld (Origin: null) is no cross-origin request: without
        // the header, CORS does not take it for one
        boolean withheldOrigin = (page || actsOnLogin)
                && SessionCookies.WITHHELD_ORIGIN.equals(request.getHeaders().getOrigin())
                && cookies.fromOwnOrigin(request);
        boolean relay = token != null && !request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION);
        if (!relay && !withheldOrigin) {
            return chain.filter(exchange);
        }
        String otherCookies = request.getCookies().values().stream().flatMap(list -> list.stream())
                .filter(cookie -> !cookie.getName().equals(cookies.cookieName()))
                .map(HttpCookie::toString).collect(Collectors.joining("; "));
        return chain.filter(exchange.mutate().request(relayed -> relayed.headers(headers -> {
            if (withheldOrigin) {
                headers.remove(HttpHeaders.ORIGIN);
            }
            if (relay) {
                headers.setBearerAuth(token);
                headers.remove(HttpHeaders.COOKIE);
                if (!otherCookies.isEmpty()) {
                    headers.set(HttpHeaders.COOKIE, otherCookies);
                }
            }
        })).build());
    }
}
