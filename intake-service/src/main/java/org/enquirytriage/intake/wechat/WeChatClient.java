package org.enquirytriage.intake.wechat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.enquirytriage.intake.config.IntakeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;

/**
 * Sends text to a citizen through the official account's customer-service message API
 * ({@code POST /cgi-bin/message/custom/send}), with an access token from {@code GET /cgi-bin/token} that is kept
 * until shortly before it expires and fetched anew when the platform calls it invalid or expired (errcode 40001,
 * 40014, 42001). Retried ({@code wechat} retry: connection failures, 5xx, the platform busy) behind the
 * {@code wechat} circuit breaker; what still fails is thrown to the caller, which keeps the delivery for later.
 */
@Component
public class WeChatClient {

    /** The name of the Resilience4j retry and circuit breaker instances, configured in application.yml. */
    public static final String RESILIENCE = "wechat";

    private static final Logger log = LoggerFactory.getLogger(WeChatClient.class);
    private static final Set<Integer> STALE_TOKEN = Set.of(40001, 40014, 42001);
    private static final int BUSY = -1;

    private final IntakeProperties.WeChat settings;
    private final RestClient http;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();
    private AccessToken token;

    WeChatClient(IntakeProperties properties, RestClient.Builder builder, ObjectMapper json) {
        this.settings = properties.wechat();
        this.json = json;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.apiBaseUrl().toString()).requestFactory(requests).build();
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
        String accessToken = accessToken();
        JsonNode answer = post(accessToken, openid, text);
        if (STALE_TOKEN.contains(errcode(answer))) {
            log.info("The WeChat access token is no longer valid (errcode {}); fetching a new one", errcode(answer));
            forget(accessToken);
            answer = post(accessToken(), openid, text);
        }
        check(answer, "send a customer-service message");
    }

    private JsonNode post(String accessToken, String openid, String text) {
        Map<String, Object> message = Map.of("touser", openid, "msgtype", "text", "text", Map.of("content", text));
        return read(http.post().uri(uri -> uri.path("/cgi-bin/message/custom/send")
                        .queryParam("access_token", accessToken).build())
                .contentType(MediaType.APPLICATION_JSON).body(message).retrieve().body(String.class));
    }

    /** The platform's JSON answer, whatever content type it is labelled with. */
    private JsonNode read(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            return json.readTree(answer);
        }
        catch (JsonProcessingException e) {
            throw new WeChatBusyException("The platform answered something that is not JSON");
        }
    }

    private synchronized String accessToken() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(token.expiresAt().minus(settings.tokenRefreshMargin()))) {
            JsonNode answer = read(http.get().uri(uri -> uri.path("/cgi-bin/token")
                            .queryParam("grant_type", "client_credential").queryParam("appid", settings.appId())
                            .queryParam("secret", settings.appSecret()).build())
                    .retrieve().body(String.class));
            check(answer, "get an access token");
            String value = answer.path("access_token").asText("");
            if (value.isEmpty()) {
                throw new WeChatBusyException("The platform answered no access_token");
            }
            token = new AccessToken(value, now.plusSeconds(answer.path("expires_in").asLong(7200)));
        }
        return token.value();
    }

    private synchronized void forget(String accessToken) {
        if (token != null && token.value().equals(accessToken)) {
            token = null;
        }
    }

    private static int errcode(JsonNode answer) {
        return answer == null ? 0 : answer.path("errcode").asInt(0);
    }

    private static void check(JsonNode answer, String what) {
        if (answer == null) {
            throw new WeChatBusyException("The platform answered nothing when asked to " + what);
        }
        int errcode = errcode(answer);
        if (errcode == BUSY) {
            throw new WeChatBusyException("The platform is busy (errcode -1) when asked to " + what);
        }
        if (errcode != 0) {
            throw new WeChatRejectedException("The platform refused to " + what + ": errcode " + errcode
                    + " " + answer.path("errmsg").asText(""));
        }
    }

    private record AccessToken(String value, Instant expiresAt) {
    }
}
