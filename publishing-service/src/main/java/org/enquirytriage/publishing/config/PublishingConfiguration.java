package org.enquirytriage.publishing.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.calendar.CalendarFiles;
import org.enquirytriage.calendar.CalendarYear;
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

    /**
     * The shipped calendar years, overridden and extended by an agency's own {@code *.yml} files when a folder is
     * configured.
     */
    @Bean
    BusinessCalendar businessCalendar(PublishingProperties properties) throws IOException {
        String folder = properties.posts().calendarFolder();
        if (folder == null || folder.isBlank()) {
            return BusinessCalendar.standard();
        }
        Map<Integer, CalendarYear> years = new TreeMap<>();
        CalendarFiles.shipped().forEach(year -> years.put(year.year(), year));
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                CalendarYear year = CalendarFiles.read(Files.newInputStream(file), file.toString());
                years.put(year.year(), year);
            }
        }
        return new BusinessCalendar(properties.posts().zone(), LocalTime.of(9, 0), LocalTime.of(17, 30),
                years.values());
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
