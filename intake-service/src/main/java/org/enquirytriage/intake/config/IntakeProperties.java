package org.enquirytriage.intake.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The settings of the intake service.
 *
 * @param maxTextLength the most characters (Unicode code points) an enquiry's text may have after normalisation
 * @param citizenKeySecret the HMAC key of the citizen key, the pseudonym of a citizen's contact passed on in events
 *        (env {@code INTAKE_CITIZEN_KEY_SECRET}); changing it changes every citizen's key
 * @param batch the batch endpoints (generic JSON batch, hotline work orders)
 * @param hotline the 12345 hotline's work orders and call-backs
 * @param wechat the WeChat official account
 * @param open311 the Open311 GeoReport v2 endpoint
 * @param delivery how answers are delivered back through the channels
 */
@Validated
@ConfigurationProperties("intake")
public record IntakeProperties(@DefaultValue("10000") @Positive int maxTextLength,
        @NotBlank(message = "must be set (env INTAKE_CITIZEN_KEY_SECRET)")
        @Size(min = 32, message = "must be at least 32 characters long") String citizenKeySecret,
        @DefaultValue @Valid Batch batch, @DefaultValue @Valid Hotline hotline, @DefaultValue @Valid WeChat wechat,
        @DefaultValue @Valid Open311 open311, @DefaultValue @Valid Delivery delivery) {

    /** Secrets starting with this are for development only; the service warns when it runs with one. */
    public static final String DEV_ONLY_SECRET_PREFIX = "dev-only-";

    /** Settings with the defaults of everything but the two basic ones. */
    public static IntakeProperties of(int maxTextLength, String citizenKeySecret) {
        return new IntakeProperties(maxTextLength, citizenKeySecret,
                new Batch(500),
                new Hotline(ZoneId.of("Asia/Shanghai"), "hotline"),
                new WeChat(null, null, null, null, URI.create("https://api.weixin.qq.com"), Duration.ofSeconds(2),
                        Duration.ofSeconds(5), Duration.ofMinutes(5)),
                new Open311(1000, Duration.ofDays(90), List.of()),
                new Delivery(5, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(1),
                        Duration.ofSeconds(2), Duration.ofMinutes(2)));
    }

    public boolean usesDevOnlySecret() {
        return citizenKeySecret.startsWith(DEV_ONLY_SECRET_PREFIX);
    }

    /**
     * @param maxItems the most enquiries or work orders in one batch (the body's size limit is in
     *        {@code enquiry.limits.large-requests})
     */
    public record Batch(@DefaultValue("500") @Positive @Max(10_000) int maxItems) {
    }

    /**
     * @param zone the time zone of the work orders' local times ({@code 2026-03-02 09:29})
     * @param agentDepartment the department of the hotline's agents, who see and work the call-back list
     */
    public record Hotline(@DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
            @DefaultValue("hotline") @NotBlank String agentDepartment) {
    }

    /**
     * The official account (env {@code WECHAT_TOKEN}, {@code WECHAT_AES_KEY}, {@code WECHAT_APP_ID},
     * {@code WECHAT_APP_SECRET}); the callback answers 503 while the token is not set.
     *
     * @param token the token set in the platform's server configuration, for the signatures
     * @param aesKey the EncodingAESKey (43 characters) of the safe mode
     * @param appId the official account's AppID, checked in every decrypted message
     * @param appSecret the AppSecret, for the access token of the customer-service message API
     * @param apiBaseUrl where the platform's API is
     * @param connectTimeout how long to wait for a connection to the API
     * @param readTimeout how long to wait for the API's answer
     * @param tokenRefreshMargin how long before it expires an access token is fetched anew
     */
    public record WeChat(String token, String aesKey, String appId, String appSecret,
            @DefaultValue("https://api.weixin.qq.com") @NotNull URI apiBaseUrl,
            @DefaultValue("2s") @NotNull Duration connectTimeout, @DefaultValue("5s") @NotNull Duration readTimeout,
            @DefaultValue("5m") @NotNull Duration tokenRefreshMargin) {

        /** Whether the callback can check signatures. */
        public boolean callbackConfigured() {
            return StringUtils.hasText(token);
        }

        /** Whether answers can be sent through the customer-service message API. */
        public boolean repliesConfigured() {
            return StringUtils.hasText(appId) && StringUtils.hasText(appSecret);
        }
    }

    /**
     * @param maxResults the most requests {@code GET requests} answers
     * @param defaultWindow how far back {@code GET requests} looks without a start date
     * @param services our topics as Open311 services
     */
    public record Open311(@DefaultValue("1000") @Positive int maxResults,
            @DefaultValue("90d") @NotNull Duration defaultWindow, @DefaultValue List<@Valid Service> services) {
    }

    /**
     * An Open311 service: one of our topics.
     *
     * @param code the {@code service_code}
     * @param name the {@code service_name}, the topic's label
     * @param group the {@code group}
     * @param keywords the {@code keywords}
     * @param description the {@code description}
     */
    public record Service(@NotBlank String code, @NotBlank String name, String group, List<String> keywords,
            String description) {

        public Service {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /**
     * @param maxAttempts how often an answer is tried before its delivery is marked FAILED (and tried less often)
     * @param firstBackoff the wait after the first failed attempt; it doubles with each further one
     * @param maxBackoff the longest wait between attempts
     * @param failedRetryInterval how often a FAILED delivery is tried again, so that none is given up
     * @param pollInterval how often the delivery job looks for due deliveries
     * @param lease how long an instance holds a delivery it is attempting before another may take it
     */
    public record Delivery(@DefaultValue("5") @Positive int maxAttempts,
            @DefaultValue("30s") @NotNull Duration firstBackoff, @DefaultValue("30m") @NotNull Duration maxBackoff,
            @DefaultValue("1h") @NotNull Duration failedRetryInterval,
            @DefaultValue("2s") @NotNull Duration pollInterval, @DefaultValue("2m") @NotNull Duration lease) {
    }
}
