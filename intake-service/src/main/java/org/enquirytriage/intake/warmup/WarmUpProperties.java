package org.enquirytriage.intake.warmup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The start-up warm-up.
 *
 * @param iterations how many sample enquiries are read as JSON, normalised and masked before the service reports
 *                   ready; 0 for none
 */
@ConfigurationProperties("intake.warm-up")
record WarmUpProperties(@DefaultValue("3000") int iterations) {

    WarmUpProperties {
        if (iterations < 0) {
            throw new IllegalArgumentException("intake.warm-up.iterations must not be negative");
        }
    }
}
