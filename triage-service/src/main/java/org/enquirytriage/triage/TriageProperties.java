package org.enquirytriage.triage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The triage service's own settings.
 *
 * @param triageDesk the department of the manual triage desk, where a case goes that no rule routes elsewhere
 * @param maxRequestBody the largest request body the service accepts; a larger one is refused with 413
 */
@ConfigurationProperties("triage")
public record TriageProperties(@DefaultValue("triage-desk") String triageDesk,
        @DefaultValue("64KB") DataSize maxRequestBody) {
}
