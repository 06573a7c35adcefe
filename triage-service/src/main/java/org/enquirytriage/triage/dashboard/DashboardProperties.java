package org.enquirytriage.triage.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The routing dashboard's settings.
 *
 * @param publishingUri where publishing-service answers {@code POST /api/knowledge/suggestions}
 * @param suggestionsTimeout how long a case page waits for suggestions before it shows none
 * @param suggestionsLimit how many suggested answers a case page shows at most
 * @param grafanaUrl the supervisors' Grafana dashboards, linked from the supervision page
 * @param refreshInterval how often an open queue fetches its cases again, so that new ones appear
 * @param pageSize how many cases a page of a queue shows
 * @param channels the channels the queue can be filtered by
 */
@ConfigurationProperties("triage.dashboard")
public record DashboardProperties(@DefaultValue("http://localhost:8083") URI publishingUri,
        @DefaultValue("2s") Duration suggestionsTimeout, @DefaultValue("3") int suggestionsLimit,
        @DefaultValue("http://localhost:3000") URI grafanaUrl, @DefaultValue("10s") Duration refreshInterval,
        @DefaultValue("50") int pageSize,
        @DefaultValue({"portal", "hotline", "wechat", "weibo", "open311"}) List<String> channels) {

    public DashboardProperties {
        channels = List.copyOf(channels);
    }
}
