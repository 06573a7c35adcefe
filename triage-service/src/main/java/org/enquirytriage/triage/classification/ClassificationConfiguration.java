package org.enquirytriage.triage.classification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds {@link ClassificationProperties} and runs the model directory watcher on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassificationProperties.class)
@EnableScheduling
class ClassificationConfiguration {
}
