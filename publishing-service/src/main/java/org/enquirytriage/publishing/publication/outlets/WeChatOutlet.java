package org.enquirytriage.publishing.publication.outlets;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.enquirytriage.publishing.publication.PublicationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes the item as an article of a WeChat official account: {@code POST /cgi-bin/draft/add} makes a draft (its
 * {@code media_id} is saved with the delivery at once, so a later attempt publishes that draft instead of making
 * another), {@code POST /cgi-bin/freepublish/submit} publishes it (its {@code publish_id} is the delivery's remote
 * id). The access token comes from {@code GET /cgi-bin/token} and is kept until shortly before it expires, and
 * fetched anew when the platform calls it invalid or expired (errcode 40001, 40014, 42001), as intake's client does.
 * Errcode -1 (busy), 5xx and no answer are worth another attempt; any other errcode is a refusal.
 */
final class WeChatOutlet implements OutletAdapter {

    private static final Logger log = LoggerFactory.getLogger(WeChatOutlet.class);
    private static final Set<Integer> STALE_TOKEN = Set.of(40001, 40014, 42001);
    private static final int BUSY = -1;
    private static final int DIGEST_LENGTH = 54;

    private final String name;
    private final PublicationProperties.Outlet settings;
    private final RestClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private AccessToken token;

    WeChatOutlet(String name, PublicationProperties.Outlet settings, RestClient.Builder builder, ObjectMapper json,
            Clock clock) {
        this.name = name;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        this.http = builder.clone().baseUrl(settings.url().toString()).requestFactory(requests).build();
    }

    @Override
    public String deliver(Delivery delivery, PublishedItem item, Progress progress) {
        try {
            String mediaId = delivery.draftMediaId();
            if (mediaId == null) {
                JsonNode draft = withToken(token -> post("/cgi-bin/draft/add", token, article(item)), "add a draft");
                mediaId = draft.path("media_id").asText("");
                if (mediaId.isEmpty()) {
                    throw new OutletUnavailableException(name + " answered no media_id for the draft");
                }
                progress.draftMade(mediaId);
            }
            Map<String, Object> submit = Map.of("media_id", mediaId);
            JsonNode published = withToken(token -> post("/cgi-bin/freepublish/submit", token, submit),
                    "publish the draft");
            return published.path("publish_id").asText(null);
        }
        catch (ResourceAccessException unreachable) {
            throw new OutletUnavailableException(name + " could not be reached: " + unreachable.getMessage(),
                    unreachable);
        }
        catch (RestClientResponseException failed) {
            if (failed.getStatusCode().is5xxServerError()) {
                throw new OutletUnavailableException(name + " answered " + failed.getStatusCode().value(), failed);
            }
            throw new OutletRejectedException(name + " answered " + failed.getStatusCode().value());
        }
    }

    private Map<String, Object> article(PublishedItem item) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", item.question());
        article.put("author", settings.author() == null ? "" : settings.author());
        article.put("digest", item.answer().length() > DIGEST_LENGTH ? item.answer().substring(0, DIGEST_LENGTH)
                : item.answer());
        StringBuilder content = new StringBuilder()
                .append("<p><strong>问：</strong>").append(HtmlUtils.htmlEscape(item.question())).append("</p>")
                .append("<p><strong>答：</strong>").append(HtmlUtils.htmlEscape(item.answer())).append("</p>");
        if (item.audio() != null) {
            content.append("<p><a href=\"").append(HtmlUtils.htmlEscape(item.audio().toString()))
                    .append("\">收听语音版</a></p>");
        }
        article.put("content", content.toString());
        article.put("content_source_url", item.link() == null ? "" : item.link().toString());
        article.put("thumb_media_id", settings.thumbMediaId() == null ? "" : settings.thumbMediaId());
        article.put("need_open_comment", 1);
        article.put("only_fans_can_comment", 0);
        return Map.of("articles", List.of(article));
    }

    private JsonNode withToken(Function<String, JsonNode> call, String what) {
        String accessToken = accessToken();
        JsonNode answer = call.apply(accessToken);
        if (STALE_TOKEN.contains(errcode(answer))) {
            log.info("The access token of {} is no longer valid (errcode {}); fetching a new one", name,
                    errcode(answer));
            forget(accessToken);
            answer = call.apply(accessToken());
        }
        check(answer, what);
        return answer;
    }

    private JsonNode post(String path, String accessToken, Object body) {
        return read(http.post().uri(uri -> uri.path(path).queryParam("access_token", accessToken).build())
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class));
    }

    private JsonNode read(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new OutletUnavailableException(name + " answered nothing");
        }
        try {
            return json.readTree(answer);
        }
        catch (JsonProcessingException e) {
            throw new OutletUnavailableException(name + " answered something that is not JSON");
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
                throw new OutletUnavailableException(name + " answered no access_token");
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
        return answer.path("errcode").asInt(0);
    }

    private void check(JsonNode answer, String what) {
        int errcode = errcode(answer);
        if (errcode == BUSY) {
            throw new OutletUnavailableException(name + " is busy (errcode -1) when asked to " + what);
        }
        if (errcode != 0) {
            throw new OutletRejectedException(name + " refused to " + what + ": errcode " + errcode + " "
                    + answer.path("errmsg").asText(""));
        }
    }

    private record AccessToken(String value, Instant expiresAt) {
    }
}
