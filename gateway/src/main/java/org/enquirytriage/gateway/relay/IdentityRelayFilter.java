package org.enquirytriage.gateway.relay;

import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.auth.TokenIssuer;
import org.enquirytriage.gateway.channelkey.ApiKeys;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Sends the channel identity of an API key to the service as a signed bearer token, and never the key itself; a
 * staff member's bearer token is relayed as it came.
 */
@Component
class IdentityRelayFilter implements GlobalFilter, Ordered {

    private final TokenIssuer issuer;

    IdentityRelayFilter(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(StaffMember.class::isInstance)
                .map(StaffMember.class::cast)
                .filter(caller -> caller.has(Role.CHANNEL))
                .map(channel -> issuer.channelToken(channel))
                .map(token -> exchange.mutate().request(request -> request.headers(headers -> {
                    headers.remove(ApiKeys.HEADER);
                    headers.setBearerAuth(token);
                })).build())
                .defaultIfEmpty(exchange)
                .map(IdentityRelayFilter::withoutApiKey)
                .flatMap(chain::filter);
    }

    private static ServerWebExchange withoutApiKey(ServerWebExchange exchange) {
        if (!exchange.getRequest().getHeaders().containsKey(ApiKeys.HEADER)) {
            return exchange;
        }
        return exchange.mutate().request(request -> request.headers(headers -> headers.remove(ApiKeys.HEADER)))
                .build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
