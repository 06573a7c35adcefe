package org.enquirytriage.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings.
 *
 * @param maxRequestSize the largest request body the gateway accepts; a larger one is refused with 413
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(@DefaultValue("64KB") DataSize maxRequestSize) {
}
