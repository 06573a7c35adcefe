package org.enquirytriage.triage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The triage service's own settings.
 *
 * @param triageDesk the department of the manual triage desk, where a case goes that no rule routes elsewhere
 * @param sla the time limits of a case
 * @param maxRequestBody the largest request body the service accepts; a larger one is refused with 413
 */
@ConfigurationProperties("triage")
public record TriageProperties(@DefaultValue("triage-desk") String triageDesk, @DefaultValue Sla sla,
        @DefaultValue("64KB") DataSize maxRequestBody) {

    /**
     * The time limits of a case, counted in clock time from its opening until the business calendar comes.
     *
     * @param firstResponse how long the department has to give a first response
     * @param resolution how long the department has to resolve the case
     */
    public record Sla(@DefaultValue("1d") Duration firstResponse, @DefaultValue("3d") Duration resolution) {
    }
}
