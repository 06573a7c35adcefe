package org.enquirytriage.triage.casework;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The settings of the case lifecycle. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CaseworkProperties.class)
class CaseworkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CaseworkConfiguration.class);

    /**
     * Records the enquiries merged into other cases before {@code merged_enquiries} was kept, before the listeners
     * start, so that a redelivery of one changes nothing.
     */
    @Bean
    SmartInitializingSingleton recordEarlierMerges(Cases cases) {
        return () -> {
            int recorded = cases.recordEarlierMerges();
            if (recorded > 0) {
                log.info("Recorded {} enquiries merged into other cases", recorded);
            }
        };
    }
}
