package org.enquirytriage.publishing.publication.outlets;

import java.net.http.HttpClient;

import org.enquirytriage.publishing.publication.PublicationProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Sends a published item to one outlet. */
interface OutletAdapter {

    /** The HTTP client an outlet is called with: its connect and read timeouts from its settings. */
    static RestClient client(RestClient.Builder builder, PublicationProperties.Outlet settings) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        return builder.clone().requestFactory(requests).build();
    }

    /**
     * Delivers the item, once as far as the outlet allows: work an earlier attempt finished (a WeChat draft) is
     * found in the delivery and not done again, and new work of that kind is saved through {@code progress} at once.
     *
     * @return what the outlet called the item, or {@code null}
     * @throws OutletUnavailableException when it is worth trying again
     * @throws OutletRejectedException when it is not
     */
    String deliver(Delivery delivery, PublishedItem item, Progress progress);

    /** Keeps what an attempt achieved before it finished. */
    @FunctionalInterface
    interface Progress {
        void draftMade(String mediaId);
    }
}
