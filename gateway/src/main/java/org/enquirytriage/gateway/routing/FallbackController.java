package org.enquirytriage.gateway.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.problem.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/**
 * The circuit breakers' fallback: answers 503 problem+json naming the service that could not answer.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final ProblemResponses problems;

    FallbackController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause == null) {
            // only reachable through a circuit breaker's forward, never as a path of its own
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        log.warn("The {} service did not answer {}: {}", service, exchange.getRequest().getMethod(), cause.toString());
        ProblemDetail problem = problems.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service Unavailable",
                "The " + service + " service is not available at the moment. Please try again later.");
        problem.setProperty("service", service);
        return problems.write(exchange, problem);
    }
}
