package org.enquirytriage.publishing.publication;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of publication: the outlets and their secrets (from the environment, never in the repository), how
 * deliveries are retried, the public site, the speech engine and the weight of engagement in the ranking.
 *
 * @param outlets the outlets every published item is delivered to, by name (the name is part of the idempotency key)
 * @param delivery how deliveries are retried
 * @param site the public knowledge-base page and its feeds
 * @param audio the speech engine that reads items aloud
 * @param engagement how what readers did with past posts weighs in the ranking of the next
 */
@ConfigurationProperties("publishing.publication")
public record PublicationProperties(Map<String, Outlet> outlets, @DefaultValue Delivery delivery,
        @DefaultValue Site site, @DefaultValue Audio audio, @DefaultValue Engagement engagement) {

    public PublicationProperties {
        outlets = outlets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outlets));
    }

    /** What an outlet is. */
    public enum OutletKind {
        /** A WeChat official account: draft + publish API. */
        WECHAT,
        /** Any receiver of signed JSON: Weibo, a government website's CMS, the 12345 knowledge base. */
        WEBHOOK
    }

    /**
     * One outlet.
     *
     * @param kind WeChat or webhook
     * @param enabled whether new items are delivered to it
     * @param url the webhook's URL, or the base URL of the WeChat API ({@code https://api.weixin.qq.com})
     * @param secret the key of the webhook's HMAC-SHA256 signature
     * @param appId the official account's AppID
     * @param appSecret the official account's AppSecret
     * @param thumbMediaId the official account's permanent cover image for articles (a {@code media_id})
     * @param author the author shown on WeChat articles
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for an answer
     * @param tokenRefreshMargin how long before it expires a WeChat access token is fetched anew
     */
    public record Outlet(OutletKind kind, @DefaultValue("true") boolean enabled, URI url, String secret,
            String appId, String appSecret, String thumbMediaId, String author,
            @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("5m") Duration tokenRefreshMargin) {

        /**
         * Whether everything the outlet needs is set (WeChat refuses an article without a cover image); an outlet
         * that is not is skipped with a warning.
         */
        public boolean configured() {
            return switch (kind == null ? OutletKind.WEBHOOK : kind) {
                case WECHAT -> url != null && present(appId) && present(appSecret) && present(thumbMediaId);
                case WEBHOOK -> url != null && present(secret);
            };
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    /**
     * @param sweepInterval how often deliveries that are due are tried again
     * @param maxAttempts after this many failed attempts a delivery goes to the dead-letter list
     * @param firstBackoff the wait after the first failed attempt; it doubles with each one
     * @param maxBackoff the longest wait between attempts
     * @param lease how long an attempt may take before another instance may take the delivery over
     */
    public record Delivery(@DefaultValue("15s") Duration sweepInterval, @DefaultValue("6") int maxAttempts,
            @DefaultValue("1m") Duration firstBackoff, @DefaultValue("1h") Duration maxBackoff,
            @DefaultValue("2m") Duration lease) {
    }

    /**
     * @param baseUrl where citizens reach the gateway: links in feeds and deliveries point there
     * @param title the title of the public page and its feeds
     * @param description what the feeds are
     * @param feedEntries the newest items a feed holds
     */
    public record Site(@DefaultValue("http://localhost:8080") URI baseUrl, @DefaultValue("政务问答") String title,
            @DefaultValue("群众常问的问题与权威解答") String description, @DefaultValue("50") int feedEntries) {
    }

    /**
     * @param enabled whether items are read aloud at all
     * @param command the speech engine ({@code espeak-ng}, looked up on the PATH)
     * @param voice the engine's voice ({@code cmn}: Mandarin)
     * @param wordsPerMinute the speed
     * @param timeout the longest one rendering may take
     */
    public record Audio(@DefaultValue("true") boolean enabled, @DefaultValue("espeak-ng") String command,
            @DefaultValue("cmn") String voice, @DefaultValue("150") int wordsPerMinute,
            @DefaultValue("30s") Duration timeout) {
    }

    /**
     * @param weight how much the engagement of similar past posts counts against demand (0: demand alone)
     * @param similarPosts how many similar past posts are looked at
     * @param minSimilarity the least similarity (0–1) of a past post to count
     */
    public record Engagement(@DefaultValue("0.1") double weight, @DefaultValue("5") int similarPosts,
            @DefaultValue("0.15") double minSimilarity) {
    }
}
