package org.enquirytriage.publishing.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The settings of the publishing service.
 *
 * @param maxRequestBody the largest request body accepted; larger ones are refused with 413
 */
@ConfigurationProperties("publishing")
public record PublishingProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
