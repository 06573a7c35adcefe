package org.enquirytriage.intake.admission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much work intake takes on at once.
 *
 * @param enabled       whether requests are limited at all
 * @param maxConcurrent the most requests in progress at once (the actuator endpoints are not counted); the
 *                      default keeps well under the web server's 200 threads and, at the ~100 enquiries/s two
 *                      cores carry, bounds the wait of an accepted post to about a third of a second
 * @param retryAfter    the {@code Retry-After} a refused request is told
 */
@ConfigurationProperties("intake.admission")
record AdmissionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("32") int maxConcurrent,
        @DefaultValue("1s") Duration retryAfter) {

    AdmissionProperties {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("intake.admission.max-concurrent must be at least 1, not "
                    + maxConcurrent);
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("intake.admission.retry-after must be positive");
        }
    }
}
