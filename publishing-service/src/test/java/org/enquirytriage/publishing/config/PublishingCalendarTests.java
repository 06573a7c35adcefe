package org.enquirytriage.publishing.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.calendar.BusinessCalendars;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class PublishingCalendarTests {

    @Test
    void shouldCountTheConfiguredWorkingHoursInThePostsZone() {
        PublishingProperties properties = bind(Map.of("publishing.calendar.work-starts", "08:00",
                "publishing.calendar.work-ends", "17:30", "publishing.posts.zone", "Asia/Urumqi"));

        BusinessCalendar calendar = BusinessCalendars.load(properties.calendarSettings());

        assertThat(calendar.workingDay()).isEqualTo(Duration.ofMinutes(9 * 60 + 30));
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
    }

    @Test
    void shouldKeepTheDesignsWorkingHoursByDefault() {
        BusinessCalendar calendar = BusinessCalendars.load(bind(Map.of()).calendarSettings());

        assertThat(calendar.workingDay()).isEqualTo(Duration.ofMinutes(8 * 60 + 30));
        assertThat(calendar.years()).contains(2026, 2027);
    }

    private static PublishingProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("publishing", PublishingProperties.class);
    }
}
