package org.enquirytriage.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EnquiriesTests {

    private final Enquiries enquiries = new Enquiries(Corpus.sample(), "portal", "lt-run-", "etk_key");

    @Test
    void shouldPostABatchAsOneArrayOfTheEnquiriesItHolds() throws Exception {
        URI endpoint = URI.create("http://gateway/api/enquiries/batch");

        HttpPoster.Post post = enquiries.batch(endpoint, 10, 3);

        JsonNode items = new ObjectMapper().readTree(post.body());
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("externalId").asText()).isEqualTo("lt-run-10");
        assertThat(items.get(2).path("externalId").asText()).isEqualTo("lt-run-12");
        assertThat(items.get(1).path("channel").asText()).isEqualTo("portal");
        assertThat(items.get(1).path("text").asText()).isNotBlank();
        assertThat(post.uri()).isEqualTo(endpoint);
        assertThat(post.apiKey()).isEqualTo("etk_key");
    }

    @Test
    void shouldPostASingleEnquiryAsItsObject() throws Exception {
        HttpPoster.Post post = enquiries.request(URI.create("http://gateway/api/enquiries"), 4);

        assertThat(new ObjectMapper().readTree(post.body()).path("externalId").asText()).isEqualTo("lt-run-4");
    }
}
