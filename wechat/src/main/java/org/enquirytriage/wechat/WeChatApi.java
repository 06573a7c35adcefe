package org.enquirytriage.wechat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls one official account's API with its access token: the token comes from {@code GET /cgi-bin/token}, is kept
 * until {@code refreshMargin} before it expires, and is fetched anew when the platform calls it invalid or expired
 * (errcode 40001, 40014, 42001), after which the call is made once more. Errcode -1 (the platform busy), no answer
 * and an answer that is not JSON are {@link WeChatBusyException}s (worth trying again soon); any other errcode is a
 * {@link WeChatRejectedException}. Connection failures and HTTP errors come from the {@link RestClient} as they are.
 * Safe to share between threads.
 */
public final class WeChatApi {

    private static final Logger log = LoggerFactory.getLogger(WeChatApi.class);
    private static final Set<Integer> STALE_TOKEN = Set.of(40001, 40014, 42001);
    private static final int BUSY = -1;

    private final RestClient http;
    private final URI baseUrl;
    private final Account account;
    private final ObjectMapper json;
    private final Clock clock;
    private AccessToken token;

    /**
     * @param http the client to call with (its timeouts are the caller's)
     * @param baseUrl where the API is, {@code https://api.weixin.qq.com} in production
     */
    public WeChatApi(RestClient http, URI baseUrl, Account account, ObjectMapper json, Clock clock) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.account = account;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Posts a JSON body to a path of the API with the access token and answers the platform's JSON answer, checked;
     * {@code what} says what was asked in the exceptions ({@code send a customer-service message}).
     */
    public JsonNode post(String path, Object body, String what) {
        String accessToken = accessToken();
        JsonNode answer = postWith(accessToken, path, body);
        if (STALE_TOKEN.contains(errcode(answer))) {
            log.info("The WeChat access token of {} is no longer valid (errcode {}); fetching a new one",
                    account.appId(), errcode(answer));
            forget(accessToken);
            answer = postWith(accessToken(), path, body);
        }
        check(answer, what);
        return answer;
    }

    private JsonNode postWith(String accessToken, String path, Object body) {
        return read(http.post().uri(uri(path).queryParam("access_token", accessToken).build().encode().toUri())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class));
    }

    private synchronized String accessToken() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(token.expiresAt().minus(account.refreshMargin()))) {
            JsonNode answer = read(http.get().uri(uri("/cgi-bin/token").queryParam("grant_type", "client_credential")
                    .queryParam("appid", account.appId()).queryParam("secret", account.appSecret()).build().encode().toUri())
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

    private UriComponentsBuilder uri(String path) {
        return UriComponentsBuilder.fromUri(baseUrl).path(path);
    }

    /** The platform's JSON answer, whatever content type it is labelled with; null for none. */
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

    /**
     * An official account: its AppID and AppSecret, and how long before its access token expires a new one is
     * fetched.
     */
    public record Account(String appId, String appSecret, Duration refreshMargin) {
    }

    private record AccessToken(String value, Instant expiresAt) {
    }
}
