package org.enquirytriage.gateway.limits;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much work the gateway takes on for each service behind it.
 *
 * @param enabled       whether requests are limited at all
 * @param maxConcurrent the most requests in progress at once per service ({@code intake}, {@code triage},
 *                      {@code publishing}); a service not named has {@link #DEFAULT_MAX_CONCURRENT}
 * @param retryAfter    the {@code Retry-After} a refused request is told
 */
@ConfigurationProperties("gateway.admission")
record AdmissionProperties(
        @DefaultValue("true") boolean enabled,
        Map<String, Integer> maxConcurrent,
        @DefaultValue("1s") Duration retryAfter) {

    /**
     * Enough for the ~100 enquiries/s two cores carry at well under a second each (Little's law: 100/s × 0.3 s =
     * 30 in progress), few enough that what waits beyond it is refused instead of queued into the time limit.
     */
    static final int DEFAULT_MAX_CONCURRENT = 64;

    AdmissionProperties {
        maxConcurrent = maxConcurrent == null ? Map.of() : Map.copyOf(new HashMap<>(maxConcurrent));
        maxConcurrent.forEach((service, limit) -> {
            if (limit == null || limit < 1) {
                throw new IllegalArgumentException("gateway.admission.max-concurrent." + service
                        + " must be at least 1, not " + limit);
            }
        });
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("gateway.admission.retry-after must be positive");
        }
    }

    /** The limit of a service. */
    int maxConcurrent(String service) {
        return maxConcurrent.getOrDefault(service, DEFAULT_MAX_CONCURRENT);
    }
}
