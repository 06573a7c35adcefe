package org.enquirytriage.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.junit.jupiter.api.Test;

import org.enquirytriage.gateway.channelkey.ApiKeys;
import org.enquirytriage.gateway.channelkey.ChannelKeyRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A channel key is looked up in the store once and then remembered, and its revocation by another gateway instance
 * (written straight to the store here) reaches this one within seconds.
 */
class RememberedChannelKeyTests extends LocalStackTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    ChannelKeyRegistry keys;

    @Test
    void shouldRememberAValidKeyInsteadOfReadingTheStoreForEveryRequest() {
        services.stubFor(post("/api/enquiries").willReturn(aResponse().withStatus(202)));
        String key = register("weibo", "etk_remembered-key-for-weibo-0000000000000000");
        postEnquiry(key).expectStatus().isAccepted();

        long changed = mongo.updateFirst(Query.query(Criteria.where("keyHash").is(ApiKeys.hash(key))),
                new Update().set("channel", "sms"), "channel_keys").block().getModifiedCount();
        assertThat(changed).isEqualTo(1);
        postEnquiry(key).expectStatus().isAccepted();

        List<LoggedRequest> requests = services.findAll(postRequestedFor(urlEqualTo("/api/enquiries")));
        String relayed = requests.get(requests.size() - 1).getHeader("Authorization").substring("Bearer ".length());
        Jwt identity = gatewayKeys().decode(relayed);
        assertThat(identity.getClaimAsString("channel")).isEqualTo("weibo");
    }

    @Test
    void shouldRefuseAKeyWithinSecondsOnceAnotherInstanceRevokedIt() {
        services.stubFor(post("/api/enquiries").willReturn(aResponse().withStatus(202)));
        String key = register("open311", "etk_revoked-elsewhere-open311-0000000000000000");
        postEnquiry(key).expectStatus().isAccepted();

        long revoked = mongo.updateFirst(Query.query(Criteria.where("keyHash").is(ApiKeys.hash(key))),
                new Update().set("revokedAt", Instant.now()).set("revokedBy", "another instance"), "channel_keys")
                .block().getModifiedCount();
        assertThat(revoked).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                postEnquiry(key).expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    /** Registers a key the way the demo keys are (the admin API would add to the audit log other tests read). */
    private String register(String channel, String key) {
        keys.register(channel, key, "remembered-key test").block();
        return key;
    }

    private WebTestClient.ResponseSpec postEnquiry(String key) {
        return client.post().uri("/api/enquiries")
                .header("X-Api-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "text", "路灯坏了"))
                .exchange();
    }
}
