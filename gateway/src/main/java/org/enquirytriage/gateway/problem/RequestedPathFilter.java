package org.enquirytriage.gateway.problem;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Remembers the path the client asked for, so that a problem answered after an internal forward (a circuit
 * breaker's fallback) names that path as its instance and not the fallback's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestedPathFilter implements WebFilter {

    static final String ATTRIBUTE = RequestedPathFilter.class.getName() + ".path";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().putIfAbsent(ATTRIBUTE, exchange.getRequest().getPath().value());
        return chain.filter(exchange);
    }
}
