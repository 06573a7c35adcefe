package org.enquirytriage.triage.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the triage metrics.
 *
 * @param refreshInterval how often the backlog and the three rates are computed from the cases in MongoDB (the
 *     gauges report the latest result in between)
 * @param ratesDays the three rates count the cases opened in this many calendar days up to and including today,
 *     as {@code GET /api/supervision/rates} does without dates
 */
@ConfigurationProperties("triage.metrics")
record MetricsProperties(@DefaultValue("30s") Duration refreshInterval, @DefaultValue("30") int ratesDays) {

    MetricsProperties {
        if (ratesDays < 1) {
            throw new IllegalArgumentException("triage.metrics.rates-days must be at least 1, was " + ratesDays);
        }
    }
}
