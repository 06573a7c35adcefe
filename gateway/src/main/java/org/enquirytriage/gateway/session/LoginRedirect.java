package org.enquirytriage.gateway.session;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends a browser that asks for a page without a valid login to the login page ({@code 303}, returning to the page
 * afterwards), clearing a login cookie that no longer holds; an htmx request of a page gets {@code 401} with
 * {@code HX-Redirect}, so that the whole page goes to the login. Every other request gets what the given entry point
 * answers (401 problem+json).
 */
@Component
public class LoginRedirect {

    static final String HTMX_REQUEST = "HX-Request";
    static final String HTMX_REDIRECT = "HX-Redirect";

    private final SessionCookies cookies;

    LoginRedirect(SessionCookies cookies) {
        this.cookies = cookies;
    }

    /** The entry point that redirects pages to the login and leaves everything else to {@code otherwise}. */
    public ServerAuthenticationEntryPoint orElse(ServerAuthenticationEntryPoint otherwise) {
        return (exchange, exception) -> cookies.isPage(exchange.getRequest())
                ? toLogin(exchange)
                : otherwise.commence(exchange, exception);
    }

    private Mono<Void> toLogin(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        if (request.getCookies().containsKey(cookies.cookieName())) {
            response.addCookie(cookies.loggedOut(exchange));
        }
        boolean htmx = "true".equals(request.getHeaders().getFirst(HTMX_REQUEST));
        String location = SessionCookies.LOGIN_PAGE;
        if (HttpMethod.GET.equals(request.getMethod()) && !htmx) {
            String page = request.getURI().getRawPath()
                    + (request.getURI().getRawQuery() == null ? "" : "?" + request.getURI().getRawQuery());
            location += "?next=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
        }
        if (htmx) {
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().set(HTMX_REDIRECT, location);
        }
        else {
            response.setStatusCode(HttpStatus.SEE_OTHER);
            response.getHeaders().setLocation(URI.create(location));
        }
        return response.setComplete();
    }
}
