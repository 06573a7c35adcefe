package org.enquirytriage.intake.config;

import org.enquirytriage.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What intake opens without a token, and its scheduled jobs. Open: the citizen's status lookup and rating (with the
 * tracking token), Open311 and the WeChat callback (signed by the platform). The channels' posts need the channel
 * token the gateway relays for a channel key (checked against the channel posted as, {@code ChannelAccess});
 * everything else (the deliveries, the hotline's call-back list) needs a staff token and is checked for the role.
 */
@Configuration
@EnableScheduling
public class IntakeConfiguration {

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.of(HttpMethod.POST, "/api/enquiries/*/satisfaction")
                .and(HttpMethod.GET, "/api/enquiries/*/status")
                .and("/open311/**", "/api/channels/wechat");
    }
}
