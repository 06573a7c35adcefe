package org.enquirytriage.publishing.publication;

import java.net.URI;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Where citizens find a published item, its audio and the feeds: on the public site, through the gateway. */
@Component
public class PublicLinks {

    /** The public knowledge-base page; the gateway serves it without login. */
    public static final String PAGE = "/knowledge";

    private final URI base;

    PublicLinks(PublicationProperties properties) {
        this.base = properties.site().baseUrl();
    }

    public URI page() {
        return UriComponentsBuilder.fromUri(base).path(PAGE).build().toUri();
    }

    public URI item(String qaId) {
        return UriComponentsBuilder.fromUri(base).path(PAGE + "/items/{id}").buildAndExpand(qaId).encode().toUri();
    }

    public URI audio(String qaId) {
        return UriComponentsBuilder.fromUri(base).path(PAGE + "/audio/{id}.wav").buildAndExpand(qaId).encode()
                .toUri();
    }

    public URI feed(String file) {
        return UriComponentsBuilder.fromUri(base).path(PAGE + "/" + file).build().toUri();
    }
}
