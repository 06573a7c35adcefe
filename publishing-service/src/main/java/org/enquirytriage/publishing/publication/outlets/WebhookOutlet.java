package org.enquirytriage.publishing.publication.outlets;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.enquirytriage.publishing.publication.PublicationProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts the item as JSON to a webhook (Weibo's bridge, a government website's CMS, the 12345 knowledge base), signed
 * with HMAC-SHA256 over {@code <timestamp>.<body>} in {@code X-Publication-Signature: sha256=<hex>}, the timestamp
 * (Unix seconds) in {@code X-Publication-Timestamp} so that the receiver can refuse old replays, and the delivery's
 * key in {@code Idempotency-Key} so that it can recognise a repeat. 2xx and 409 (a repeat) are success; 408, 429,
 * 5xx and no answer are worth another attempt; any other answer is a refusal.
 */
final class WebhookOutlet implements OutletAdapter {

    static final String SIGNATURE = "X-Publication-Signature";
    static final String TIMESTAMP = "X-Publication-Timestamp";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String name;
    private final PublicationProperties.Outlet settings;
    private final RestClient http;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutlet(String name, PublicationProperties.Outlet settings, RestClient.Builder builder, ObjectMapper json,
            Clock clock) {
        this.name = name;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = OutletAdapter.client(builder, settings);
    }

    @Override
    public String deliver(Delivery delivery, PublishedItem item, Progress progress) {
        byte[] body = body(delivery, item);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        try {
            return http.post().uri(settings.url()).contentType(MediaType.APPLICATION_JSON)
                    .header(IDEMPOTENCY_KEY, delivery.id()).header(TIMESTAMP, timestamp)
                    .header(SIGNATURE, "sha256=" + sign(settings.secret(), timestamp, body)).body(body)
                    .exchange((request, response) -> {
                        HttpStatusCode status = response.getStatusCode();
                        if (status.is2xxSuccessful() || status.value() == 409) {
                            return response.getHeaders().getFirst("Location");
                        }
                        if (status.is5xxServerError() || status.value() == 408 || status.value() == 429) {
                            throw new OutletUnavailableException(name + " answered " + status.value());
                        }
                        throw new OutletRejectedException(name + " refused the item with " + status.value());
                    });
        }
        catch (ResourceAccessException unreachable) {
            throw new OutletUnavailableException(name + " could not be reached: " + unreachable.getMessage(),
                    unreachable);
        }
    }

    private byte[] body(Delivery delivery, PublishedItem item) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", delivery.id());
        body.put("qaId", item.qaId());
        body.put("postId", item.postId());
        body.put("question", item.question());
        body.put("answer", item.answer());
        body.put("topic", item.topic());
        body.put("series", item.series());
        body.put("form", item.form());
        body.put("publishedAt", item.publishedAt() == null ? null : item.publishedAt().toString());
        body.put("link", item.link() == null ? null : item.link().toString());
        body.put("audio", item.audio() == null ? null : item.audio().toString());
        try {
            return json.writeValueAsBytes(body);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the webhook body", e);
        }
    }

    /** The hex HMAC-SHA256 of {@code <timestamp>.<body>} with the secret. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
