package org.enquirytriage.publishing.posts;

import java.time.Clock;
import java.time.LocalDate;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Makes the day's post at the configured time (07:00 Asia/Shanghai by default); the poster skips days that are no
 * working days. ShedLock lets one instance alone run it; the post's date key makes a second run a no-op anyway.
 */
@Component
class DailyPostJob {

    private final Poster poster;
    private final Clock clock;
    private final PublishingProperties.Posts settings;

    DailyPostJob(Poster poster, Clock clock, PublishingProperties properties) {
        this.poster = poster;
        this.clock = clock;
        this.settings = properties.posts();
    }

    @Scheduled(cron = "${publishing.posts.cron:0 0 7 * * *}", zone = "${publishing.posts.zone:Asia/Shanghai}")
    @SchedulerLock(name = "daily-post", lockAtMostFor = "10m", lockAtLeastFor = "1m")
    void postToday() {
        poster.daily(LocalDate.now(clock.withZone(settings.zone())));
    }
}
