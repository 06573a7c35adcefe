package org.enquirytriage.gateway.security;

import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/** Answers a missing or invalid credential with 401 and a refused request with 403, both as problem+json. */
final class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        String detail;
        if (ex instanceof InvalidBearerTokenException) {
            detail = "The bearer token is not valid: " + ex.getMessage();
        } else if (ex instanceof InvalidApiKeyException) {
            detail = ex.getMessage();
        } else {
            detail = "This request needs a login (Authorization: Bearer …) or, for a channel adapter, an API key "
                    + "(X-Api-Key).";
        }
        return problems.write(exchange, problems.problem(exchange, HttpStatus.UNAUTHORIZED, "unauthorized",
                "Unauthorized", detail));
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, problems.problem(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your roles do not allow " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value() + "."));
    }

    /** A presented API key that is unknown or revoked. */
    static final class InvalidApiKeyException extends AuthenticationException {

        InvalidApiKeyException() {
            super("The API key is not valid or has been revoked.");
        }
    }
}
