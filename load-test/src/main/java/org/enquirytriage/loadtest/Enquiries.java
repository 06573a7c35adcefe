package org.enquirytriage.loadtest;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The enquiries of one run as a channel adapter posts them: the n-th has the external id {@code <prefix><n>} and the
 * n-th message of the corpus (which goes round).
 */
final class Enquiries {

    static final String API_KEY_HEADER = "X-Api-Key";

    private final String channel;
    private final String externalIdPrefix;
    private final String apiKey;
    private final List<String> messagesAsJson;
    private final String channelAsJson;

    Enquiries(Corpus corpus, String channel, String externalIdPrefix, String apiKey) {
        this.channel = channel;
        this.externalIdPrefix = externalIdPrefix;
        this.apiKey = apiKey;
        ObjectMapper json = new ObjectMapper();
        try {
            this.channelAsJson = json.writeValueAsString(channel);
            this.messagesAsJson = corpus.messages().stream().map(message -> {
                try {
                    return "\"subject\":" + json.writeValueAsString(message.subject()) + ",\"text\":"
                            + json.writeValueAsString(message.text());
                }
                catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("Cannot write a corpus message as JSON", e);
                }
            }).toList();
        }
        catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the channel as JSON", e);
        }
    }

    String channel() {
        return channel;
    }

    String externalId(long index) {
        return externalIdPrefix + index;
    }

    String externalIdPrefix() {
        return externalIdPrefix;
    }

    /** The JSON body of the n-th enquiry. */
    String body(long index) {
        return "{\"channel\":" + channelAsJson + ",\"externalId\":\"" + externalId(index) + "\","
                + messagesAsJson.get((int) (index % messagesAsJson.size())) + "}";
    }

    /** The post of the n-th enquiry to the given enquiries endpoint. */
    HttpPoster.Post request(URI endpoint, long index) {
        return new HttpPoster.Post(endpoint, body(index), apiKey);
    }

    /** The post of {@code size} enquiries from the n-th on, as one JSON array, to the given batch endpoint. */
    HttpPoster.Post batch(URI endpoint, long first, int size) {
        StringBuilder body = new StringBuilder(size * 300).append('[');
        for (long index = first; index < first + size; index++) {
            if (index > first) {
                body.append(',');
            }
            body.append(body(index));
        }
        return new HttpPoster.Post(endpoint, body.append(']').toString(), apiKey);
    }
}
