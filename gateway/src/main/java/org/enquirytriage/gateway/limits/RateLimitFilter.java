package org.enquirytriage.gateway.limits;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.GatewayProperties;
import org.enquirytriage.gateway.channelkey.ApiKeys;
import org.enquirytriage.gateway.problem.ProblemResponses;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits the request rate per API key and per client address with token buckets (Bucket4j) held in this gateway
 * instance's memory, so N instances allow up to N times the limit; a request over a limit is answered 429
 * problem+json with {@code Retry-After}. The actuator endpoints are not limited.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RateLimitFilter implements WebFilter {

    private static final long MAX_TRACKED = 100_000;

    private final boolean enabled;
    private final GatewayProperties.Limit perApiKey;
    private final GatewayProperties.Limit perClientAddress;
    private final Cache<String, Bucket> keyBuckets;
    private final Cache<String, Bucket> addressBuckets;
    private final RemoteAddressResolver addresses;
    private final ProblemResponses problems;

    RateLimitFilter(GatewayProperties properties, ProblemResponses problems) {
        GatewayProperties.RateLimit limits = properties.rateLimit();
        this.enabled = limits.enabled();
        this.perApiKey = limits.perApiKey();
        this.perClientAddress = limits.perClientAddress();
        this.keyBuckets = buckets(perApiKey);
        this.addressBuckets = buckets(perClientAddress);
        this.addresses = limits.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(limits.trustedProxies())
                : new RemoteAddressResolver() { };
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        String apiKey = exchange.getRequest().getHeaders().getFirst(ApiKeys.HEADER);
        if (apiKey != null) {
            ConsumptionProbe probe = keyBuckets.get(ApiKeys.hash(apiKey), key -> bucket(perApiKey))
                    .tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                return refuse(exchange, probe, perApiKey, "this API key");
            }
        }
        ConsumptionProbe probe = addressBuckets.get(clientAddress(exchange), address -> bucket(perClientAddress))
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return refuse(exchange, probe, perClientAddress, "your address");
        }
        return chain.filter(exchange);
    }

    private String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress address = addresses.resolve(exchange);
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe, GatewayProperties.Limit limit,
            String from) {
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemDetail problem = problems.problem(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                "Too Many Requests", "More than " + limit.capacity() + " requests in " + describe(limit.period())
                        + " from " + from + "; retry after " + retryAfter + " s.");
        problem.setProperty("retryAfterSeconds", retryAfter);
        return problems.write(exchange, problem);
    }

    private static Cache<String, Bucket> buckets(GatewayProperties.Limit limit) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                .expireAfterAccess(limit.period().multipliedBy(2))
                .build();
    }

    private static Bucket bucket(GatewayProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }

    private static String describe(Duration period) {
        return period.toSeconds() % 60 == 0 ? period.toMinutes() + " min" : period.toSeconds() + " s";
    }
}
