package org.enquirytriage.intake.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The settings of the intake service.
 *
 * @param maxTextLength the most characters (Unicode code points) an enquiry's text may have after normalisation
 * @param maxRequestBytes the largest request body accepted; larger ones are refused with 413
 * @param citizenKeySecret the HMAC key of the citizen key, the pseudonym of a citizen's contact passed on in events
 *        (env {@code INTAKE_CITIZEN_KEY_SECRET}); changing it changes every citizen's key
 */
@Validated
@ConfigurationProperties("intake")
public record IntakeProperties(@DefaultValue("10000") @Positive int maxTextLength,
        @DefaultValue("64KB") @NotNull DataSize maxRequestBytes,
        @NotBlank(message = "must be set (env INTAKE_CITIZEN_KEY_SECRET)")
        @Size(min = 32, message = "must be at least 32 characters long") String citizenKeySecret) {

    /** Secrets starting with this are for development only; the service warns when it runs with one. */
    public static final String DEV_ONLY_SECRET_PREFIX = "dev-only-";

    public boolean usesDevOnlySecret() {
        return citizenKeySecret.startsWith(DEV_ONLY_SECRET_PREFIX);
    }
}
