package org.enquirytriage.triage.casework;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The settings of the case lifecycle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseworkProperties.class)
class CaseworkConfiguration {
}
