package org.enquirytriage.triage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The triage service's own settings.
 *
 * @param triageDesk the department of the manual triage desk, where a case goes that no rule routes elsewhere
 */
@ConfigurationProperties("triage")
public record TriageProperties(@DefaultValue("triage-desk") String triageDesk) {
}
