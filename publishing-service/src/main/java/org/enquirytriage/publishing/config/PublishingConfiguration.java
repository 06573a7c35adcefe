package org.enquirytriage.publishing.config;

import java.time.Clock;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.calendar.BusinessCalendars;
import org.enquirytriage.publishing.mining.TextFeatures;
import org.enquirytriage.publishing.surges.SurgeSettings;
import org.enquirytriage.security.PublicEndpoints;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * The shared pieces of the service: the clock, the Chinese text features, the business calendar, the lock that lets
 * one instance alone make the daily post, and the endpoints open without a token.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class PublishingConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TextFeatures textFeatures() {
        return new TextFeatures();
    }

    /** The shipped calendar years with an agency's own files, in the configured working hours. */
    @Bean
    BusinessCalendar businessCalendar(PublishingProperties properties) {
        return BusinessCalendars.load(properties.calendarSettings());
    }

    /** ShedLock's locks in the {@code shedLock} collection of the service's own database. */
    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }

    /**
     * The knowledge base is public to read and to ask for suggestions (it only ever shows published items); the
     * editor's page shell and its static files load without a token (the page fetches everything else with one).
     */
    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.of(HttpMethod.GET, "/api/knowledge/**", "/editor", "/editor/assets/**",
                "/editor/webjars/**", "/surges").and(HttpMethod.POST, "/api/knowledge/suggestions");
    }

    /** How surges are detected and answered: {@code publishing.surges}, or the defaults. */
    @Bean
    SurgeSettings surgeSettings(Environment environment) {
        return Binder.get(environment).bind("publishing.surges", SurgeSettings.class)
                .orElseGet(SurgeSettings::defaults);
    }
}
