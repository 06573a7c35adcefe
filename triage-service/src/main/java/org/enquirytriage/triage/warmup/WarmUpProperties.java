package org.enquirytriage.triage.warmup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The start-up warm-up.
 *
 * @param iterations how many sample enquiries are classified (and their decision written and read as JSON) before
 *                   the service reports ready; 0 for none
 */
@ConfigurationProperties("triage.warm-up")
record WarmUpProperties(@DefaultValue("3000") int iterations) {

    WarmUpProperties {
        if (iterations < 0) {
            throw new IllegalArgumentException("triage.warm-up.iterations must not be negative");
        }
    }
}
