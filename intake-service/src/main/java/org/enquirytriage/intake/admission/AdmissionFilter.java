package org.enquirytriage.intake.admission;

import java.io.IOException;
import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.enquirytriage.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bounds the requests intake works on at once with a Resilience4j bulkhead that never waits: a request beyond
 * {@code intake.admission.max-concurrent} is answered 503 problem+json with {@code Retry-After} before anything
 * (the token check included) is spent on it, and counted in {@value #REFUSED_METRIC}. The actuator endpoints are
 * not limited, so that health checks and scrapes still answer under overload. Registered by
 * {@link AdmissionConfiguration}.
 */
class AdmissionFilter extends OncePerRequestFilter {

    static final String REFUSED_METRIC = "admission.refused";
    static final String CONCURRENCY_LIMIT = "concurrency-limit";

    private final boolean enabled;
    private final long retryAfterSeconds;
    private final Bulkhead bulkhead;
    private final Counter refused;
    private final ObjectMapper objectMapper;

    AdmissionFilter(AdmissionProperties properties, BulkheadRegistry bulkheads, MeterRegistry meters,
            ObjectMapper objectMapper) {
        this.enabled = properties.enabled();
        this.retryAfterSeconds = Problems.retryAfterSeconds(properties.retryAfter());
        this.bulkhead = bulkheads.bulkhead("admission", BulkheadConfig.custom()
                .maxConcurrentCalls(properties.maxConcurrent())
                .maxWaitDuration(Duration.ZERO)
                .build());
        this.refused = Counter.builder(REFUSED_METRIC).description("requests refused at once instead of taken on")
                .tag("service", "intake").tag("reason", CONCURRENCY_LIMIT).register(meters);
        this.objectMapper = objectMapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!bulkhead.tryAcquirePermission()) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            bulkhead.onComplete();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refused.increment();
        ProblemDetail problem = Problems.refused(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Service Overloaded",
                "The intake service has as much work as it can take at the moment; retry after " + retryAfterSeconds
                        + " s.", Duration.ofSeconds(retryAfterSeconds));
        problem.setProperty("service", "intake");
        Problems.send(request, response, problem, objectMapper);
    }
}
