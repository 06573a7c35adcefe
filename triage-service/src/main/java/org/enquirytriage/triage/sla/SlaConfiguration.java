package org.enquirytriage.triage.sla;

import java.time.Clock;
import java.time.LocalDate;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.calendar.BusinessCalendars;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

/**
 * The business calendar from the yearly calendar files, and the scheduling of the SLA watcher under a cluster-wide
 * lock kept in MongoDB (collection {@code shedLock}), so that one instance at a time runs a round.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
class SlaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SlaConfiguration.class);

    /**
     * The calendar of the shipped years and the agency's configured files ({@link BusinessCalendars}).
     *
     * @throws IllegalStateException when the current year has no calendar file and the configuration requires one
     */
    @Bean
    BusinessCalendar businessCalendar(SlaProperties properties, Clock clock) {
        SlaProperties.Calendar settings = properties.calendar();
        BusinessCalendar calendar = BusinessCalendars.load(settings.settings());
        int thisYear = LocalDate.now(clock.withZone(settings.zone())).getYear();
        if (calendar.year(thisYear).isEmpty()) {
            String missing = "No calendar file for " + thisYear + " shipped or at " + settings.files() + ": add "
                    + thisYear + ".yml with the year's holidays and make-up working days (the format is in the README "
                    + "and in calendar/2026.yml)";
            if (settings.requireCurrentYear()) {
                throw new IllegalStateException(missing + ", or set triage.sla.calendar.require-current-year=false "
                        + "to count Mondays to Fridays as working days");
            }
            log.warn("{}; until then Mondays to Fridays count as working days", missing);
        }
        calendar.year(thisYear + 1).ifPresentOrElse(
                next -> {
                    if (next.provisional()) {
                        log.info("The calendar of {} is provisional; replace it once the official notice is out",
                                next.year());
                    }
                },
                () -> log.warn("No calendar file for {} yet: deadlines that reach into it count Mondays to Fridays",
                        thisYear + 1));
        log.info("Business calendar: {} {}–{}, calendar files for {}", settings.zone(), settings.workStarts(),
                settings.workEnds(), calendar.years());
        return calendar;
    }

    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }
}
