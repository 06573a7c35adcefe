package org.enquirytriage.gateway;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.enquirytriage.gateway.channelkey.ApiKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class ChannelKeyTests extends LocalStackTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldShowANewKeyOnceAndStoreOnlyItsHash() {
        Map<String, Object> issued = issueKey("sms", "SMS gateway of the city");
        String key = (String) issued.get("key");
        String id = (String) issued.get("id");

        assertThat(key).startsWith("etk_").hasSizeGreaterThan(40);
        assertThat(issued).containsEntry("channel", "sms").containsEntry("description", "SMS gateway of the city");
        client.get().uri("/api/admin/channel-keys")
                .headers(headers -> headers.setBearerAuth(token("admin")))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(listing -> assertThat(listing)
                        .contains(id).contains(key.substring(0, 8)).doesNotContain(key)
                        .doesNotContain(ApiKeys.hash(key)));
        Document stored = mongo.findById(id, Document.class, "channel_keys").block();
        assertThat(stored.getString("keyHash")).isEqualTo(ApiKeys.hash(key));
        assertThat(stored.toJson()).doesNotContain(key);
    }

    @Test
    void shouldRelayTheKeysChannelAsASignedTokenAndNeverTheKey() {
        services.stubFor(post("/api/enquiries").willReturn(aResponse().withStatus(202)));
        String key = (String) issueKey("weibo", "Weibo adapter").get("key");

        postEnquiry(key).expectStatus().isAccepted();

        var received = services.findAll(postRequestedFor(urlEqualTo("/api/enquiries"))).get(0);
        assertThat(received.containsHeader("X-Api-Key")).isFalse();
        Jwt relayed = gatewayKeys().decode(received.getHeader("Authorization").substring("Bearer ".length()));
        assertThat(relayed.getClaimAsStringList("roles")).isEqualTo(List.of("CHANNEL"));
        assertThat(relayed.getClaimAsString("channel")).isEqualTo("weibo");
        assertThat(relayed.getClaimAsString("iss")).isEqualTo("enquiry-triage-gateway");
        assertThat(relayed.getExpiresAt()).isEqualTo(relayed.getIssuedAt().plusSeconds(300));
    }

    @Test
    void shouldRefuseARevokedKey() {
        services.stubFor(post("/api/enquiries").willReturn(aResponse().withStatus(202)));
        Map<String, Object> issued = issueKey("open311", "To be revoked");
        String key = (String) issued.get("key");
        postEnquiry(key).expectStatus().isAccepted();

        client.delete().uri("/api/admin/channel-keys/{id}", issued.get("id"))
                .headers(headers -> headers.setBearerAuth(token("admin")))
                .exchange()
                .expectStatus().isNoContent();

        postEnquiry(key)
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The API key is not valid or has been revoked.");
        client.get().uri("/api/admin/channel-keys")
                .headers(headers -> headers.setBearerAuth(token("admin")))
                .exchange()
                .expectBody().jsonPath("$[?(@.id == '%s')].revokedAt".formatted(issued.get("id"))).isNotEmpty();
    }

    @Test
    void shouldAnswerAnUnknownKeyIdWith404() {
        client.delete().uri("/api/admin/channel-keys/no-such-key")
                .headers(headers -> headers.setBearerAuth(token("admin")))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("There is no channel key no-such-key.");
    }

    @Test
    void shouldRefuseAnInvalidChannelNamingTheField() {
        client.post().uri("/api/admin/channel-keys")
                .headers(headers -> headers.setBearerAuth(token("admin")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "Not a channel!", "description", "x"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://enquirytriage.org/problems/invalid-request")
                .jsonPath("$.errors[0].field").isEqualTo("channel")
                .jsonPath("$.errors[0].message").isEqualTo("must be lower-case letters, digits and dashes, at most 32")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("channel"));
    }

    private WebTestClient.ResponseSpec postEnquiry(String key) {
        return client.post().uri("/api/enquiries")
                .header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "text", "路灯坏了"))
                .exchange();
    }
}
