package org.enquirytriage.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * The circuit breakers' fallback: answers 503 problem+json naming the service that could not answer, with
 * {@code Retry-After}: while the breaker is open, the time it stays open; otherwise one second. A request refused by
 * the open breaker is logged at DEBUG only (under overload that is every request; the breaker's state change is
 * logged and measured by Resilience4j).
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final ProblemResponses problems;
    private final CircuitBreakerRegistry circuitBreakers;

    FallbackController(ProblemResponses problems, CircuitBreakerRegistry circuitBreakers) {
        this.problems = problems;
        this.circuitBreakers = circuitBreakers;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause == null) {
            // only reachable through a circuit breaker's forward, never as a path of its own
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        long retryAfterSeconds = 1;
        if (cause instanceof CallNotPermittedException) {
            log.debug("The {} service's circuit is open: {} refused", service, exchange.getRequest().getMethod());
            long openMillis = circuitBreakers.circuitBreaker(service).getCircuitBreakerConfig()
                    .getWaitIntervalFunctionInOpenState().apply(1);
            retryAfterSeconds = Math.max(1, (openMillis + 999) / 1000);
        }
        else {
            log.warn("The {} service did not answer {}: {}", service, exchange.getRequest().getMethod(),
                    cause.toString());
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        ProblemDetail problem = problems.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service Unavailable",
                "The " + service + " service is not available at the moment. Please try again later.");
        problem.setProperty("service", service);
        return problems.write(exchange, problem);
    }
}
