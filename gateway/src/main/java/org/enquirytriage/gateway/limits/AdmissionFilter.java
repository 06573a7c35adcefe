package org.enquirytriage.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.reactor.bulkhead.operator.BulkheadOperator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.problem.ProblemResponses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Admission control: bounds the requests in progress for each service behind the gateway (a Resilience4j bulkhead
 * per service that never waits) and answers a request beyond the bound 503 problem+json with {@code Retry-After} at
 * once, before authentication and routing spend anything on it. Under overload the accepted requests keep their
 * latency, and the excess never queues into the route's time limit or opens its circuit breaker. Each refusal is
 * counted in {@value #REFUSED_METRIC} by service and reason.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
@EnableConfigurationProperties(AdmissionProperties.class)
class AdmissionFilter implements WebFilter {

    static final String REFUSED_METRIC = "admission.refused";
    static final String CONCURRENCY_LIMIT = "concurrency-limit";

    /** The paths of each service, as the routes in application.yml send them. */
    static final Map<String, List<String>> SERVICE_PATHS = Map.of(
            "intake", List.of("/api/enquiries", "/api/enquiries/**", "/api/channels/**", "/open311/**"),
            "triage", List.of("/api/cases", "/api/cases/**", "/api/routing/**", "/api/supervision/**",
                    "/api/triage/**", "/dashboard", "/dashboard/**"),
            "publishing", List.of("/api/qa/**", "/api/knowledge/**", "/api/questions/**", "/editor", "/editor/**"));

    private record Lane(String service, List<PathPattern> paths, Bulkhead bulkhead, Counter refused) {
    }

    private final boolean enabled;
    private final Duration retryAfter;
    private final List<Lane> lanes;
    private final ProblemResponses problems;

    AdmissionFilter(AdmissionProperties properties, ProblemResponses problems, MeterRegistry meters) {
        this.enabled = properties.enabled();
        this.retryAfter = properties.retryAfter();
        this.problems = problems;
        BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.lanes = SERVICE_PATHS.entrySet().stream().map(service -> new Lane(service.getKey(),
                service.getValue().stream().map(parser::parse).toList(),
                bulkheads.bulkhead("admission-" + service.getKey(), BulkheadConfig.custom()
                        .maxConcurrentCalls(properties.maxConcurrent(service.getKey()))
                        .maxWaitDuration(Duration.ZERO)
                        .build()),
                Counter.builder(REFUSED_METRIC).description("requests refused at once instead of taken on")
                        .tag("service", service.getKey()).tag("reason", CONCURRENCY_LIMIT).register(meters)))
                .toList();
        TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        Lane lane = lane(exchange.getRequest().getPath().pathWithinApplication());
        if (lane == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange)
                .transformDeferred(BulkheadOperator.of(lane.bulkhead()))
                .onErrorResume(BulkheadFullException.class, full -> refuse(exchange, lane));
    }

    private Lane lane(PathContainer path) {
        for (Lane lane : lanes) {
            for (PathPattern pattern : lane.paths()) {
                if (pattern.matches(path)) {
                    return lane;
                }
            }
        }
        return null;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Lane lane) {
        lane.refused().increment();
        long seconds = Math.max(1, retryAfter.toSeconds());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemDetail problem = problems.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
                "Service Overloaded", "The " + lane.service() + " service has as much work as it can take at the "
                        + "moment; retry after " + seconds + " s.");
        problem.setProperty("service", lane.service());
        problem.setProperty("retryAfterSeconds", seconds);
        return problems.write(exchange, problem);
    }
}
