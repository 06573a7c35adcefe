package org.enquirytriage.publishing.publication.outlets;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.enquirytriage.publishing.publication.PublicationProperties;
import org.enquirytriage.wechat.WeChatApi;
import org.enquirytriage.wechat.WeChatBusyException;
import org.enquirytriage.wechat.WeChatRejectedException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.HtmlUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Publishes the item as an article of a WeChat official account: {@code POST /cgi-bin/draft/add} makes a draft (its
 * {@code media_id} is saved with the delivery at once, so a later attempt publishes that draft instead of making
 * another), {@code POST /cgi-bin/freepublish/submit} publishes it (its {@code publish_id} is the delivery's remote
 * id), both with the access token that {@link WeChatApi} keeps, as for intake's replies. The platform busy (errcode
 * -1), 5xx and no answer are worth another attempt; any other errcode is a refusal.
 */
final class WeChatOutlet implements OutletAdapter {

    private static final int DIGEST_LENGTH = 54;

    private final String name;
    private final PublicationProperties.Outlet settings;
    private final WeChatApi api;

    WeChatOutlet(String name, PublicationProperties.Outlet settings, RestClient.Builder builder, ObjectMapper json,
            Clock clock) {
        this.name = name;
        this.settings = settings;
        this.api = new WeChatApi(OutletAdapter.client(builder, settings), settings.url(),
                new WeChatApi.Account(settings.appId(), settings.appSecret(), settings.tokenRefreshMargin()), json,
                clock);
    }

    @Override
    public String deliver(Delivery delivery, PublishedItem item, Progress progress) {
        try {
            String mediaId = delivery.draftMediaId();
            if (mediaId == null) {
                JsonNode draft = api.post("/cgi-bin/draft/add", article(item), "add a draft");
                mediaId = draft.path("media_id").asText("");
                if (mediaId.isEmpty()) {
                    throw new OutletUnavailableException(name + " answered no media_id for the draft");
                }
                progress.draftMade(mediaId);
            }
            JsonNode published = api.post("/cgi-bin/freepublish/submit", Map.of("media_id", mediaId),
                    "publish the draft");
            return published.path("publish_id").asText(null);
        }
        catch (WeChatBusyException busy) {
            throw new OutletUnavailableException(name + ": " + busy.getMessage(), busy);
        }
        catch (WeChatRejectedException refused) {
            throw new OutletRejectedException(name + ": " + refused.getMessage());
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
}
