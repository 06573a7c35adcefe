package org.enquirytriage.intake.wechat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;

import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.wechat.WeChatApi;
import org.enquirytriage.wechat.WeChatBusyException;
import org.enquirytriage.wechat.WeChatRejectedException;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;

/**
 * Sends text to a citizen through the official account's customer-service message API
 * ({@code POST /cgi-bin/message/custom/send}), with the access token that {@link WeChatApi} keeps. Retried
 * ({@code wechat} retry: connection failures, 5xx, the platform busy) behind the {@code wechat} circuit breaker; what
 * still fails is thrown to the caller, which keeps the delivery for later.
 */
@Component
public class WeChatClient {

    /** The name of the Resilience4j retry and circuit breaker instances, configured in application.yml. */
    public static final String RESILIENCE = "wechat";

    private final IntakeProperties.WeChat settings;
    private final WeChatApi api;

    WeChatClient(IntakeProperties properties, RestClient.Builder builder, ObjectMapper json) {
        this.settings = properties.wechat();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        this.api = new WeChatApi(builder.clone().requestFactory(requests).build(), settings.apiBaseUrl(),
                new WeChatApi.Account(settings.appId(), settings.appSecret(), settings.tokenRefreshMargin()), json,
                Clock.systemUTC());
    }

    /** Whether the AppID and AppSecret are set, so that messages can be sent at all. */
    public boolean configured() {
        return settings.repliesConfigured();
    }

    /**
     * Sends a text message to the user with this openid.
     *
     * @throws WeChatBusyException when the platform is busy or cannot be reached (worth trying again soon)
     * @throws WeChatRejectedException when the platform refuses the message (such as after the 48 hours within
     *         which a customer-service message may answer a user)
     */
    @Retry(name = RESILIENCE)
    @CircuitBreaker(name = RESILIENCE)
    public void sendText(String openid, String text) {
        if (!configured()) {
            throw new WeChatRejectedException("WeChat replies are not configured: set WECHAT_APP_ID and "
                    + "WECHAT_APP_SECRET");
        }
        api.post("/cgi-bin/message/custom/send",
                Map.of("touser", openid, "msgtype", "text", "text", Map.of("content", text)),
                "send a customer-service message");
    }
}
