package org.enquirytriage.triage.routing;

import java.time.Clock;

import org.enquirytriage.triage.TriageProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the routing rules, kept in MongoDB, and the router that applies them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class RoutingConfiguration {

    @Bean
    RuleBook ruleBook(MongoTemplate mongo, RoutingProperties routing, TriageProperties triage, Clock clock) {
        return new RuleBook(new RuleSetStore(mongo), routing, triage.triageDesk(), clock);
    }

    @Bean
    Router router(RuleBook ruleBook, MeterRegistry meters) {
        return new RuleBookRouter(ruleBook, meters);
    }
}
