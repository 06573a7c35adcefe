package org.enquirytriage.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuditTests extends LocalStackTestBase {

    @Test
    void shouldRecordWhoDidWhatToWhichCaseWhenAndWithWhatOutcome() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201)));
        services.stubFor(any(urlPathEqualTo("/api/cases/audit-case-2/transfer"))
                .willReturn(aResponse().withStatus(403)));
        Instant before = Instant.now();

        act("housing", "/api/cases/audit-case-1/notes").expectStatus().isCreated();
        act("transport", "/api/cases/audit-case-2/transfer").expectStatus().isForbidden();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> audit("caseId=audit-case-1")
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].user").isEqualTo("housing")
                .jsonPath("$.items[0].name").isEqualTo("Housing clerk")
                .jsonPath("$.items[0].roles[0]").isEqualTo("STAFF")
                .jsonPath("$.items[0].department").isEqualTo("housing-construction")
                .jsonPath("$.items[0].method").isEqualTo("POST")
                .jsonPath("$.items[0].path").isEqualTo("/api/cases/audit-case-1/notes")
                .jsonPath("$.items[0].caseId").isEqualTo("audit-case-1")
                .jsonPath("$.items[0].status").isEqualTo(201)
                .jsonPath("$.items[0].requestId").isNotEmpty()
                .jsonPath("$.items[0].at").value(at -> assertThat(Instant.parse((String) at)).isAfterOrEqualTo(
                        before.minusSeconds(1))));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> audit("caseId=audit-case-2")
                .jsonPath("$.items[0].user").isEqualTo("transport")
                .jsonPath("$.items[0].status").isEqualTo(403));
    }

    @Test
    void shouldRecordAdminActionsAtTheGatewayButNotReadsOrChannelPosts() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
        issueKey("audit-channel", "audited");
        client.get().uri("/api/cases/audit-case-3")
                .headers(headers -> headers.setBearerAuth(token("supervisor")))
                .exchange().expectStatus().isAccepted();
        client.post().uri("/api/enquiries")
                .header("X-Api-Key", Demo.PORTAL_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "text", "路灯坏了"))
                .exchange().expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> audit("user=admin")
                .jsonPath("$.items[?(@.path == '/api/admin/channel-keys')].status").isEqualTo(201));
        audit("caseId=audit-case-3").jsonPath("$.total").isEqualTo(0);
        audit("size=200").jsonPath("$.items[?(@.path == '/api/enquiries')]").isEmpty();
    }

    @Test
    void shouldFilterByTimeAndPage() {
        services.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        Instant from = Instant.now();
        for (int i = 0; i < 3; i++) {
            act("supervisor", "/api/cases/audit-case-4/escalate").expectStatus().isOk();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> audit("caseId=audit-case-4&from=" + from.minusSeconds(1))
                        .jsonPath("$.total").isEqualTo(3));
        audit("caseId=audit-case-4&size=2&page=1")
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(2);
        audit("caseId=audit-case-4&to=" + from.minusSeconds(60)).jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void shouldLetOnlySupervisorsAndAdminsReadTheAudit() {
        client.get().uri("/api/audit").headers(headers -> headers.setBearerAuth(token("housing")))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/audit").headers(headers -> headers.setBearerAuth(token("admin")))
                .exchange().expectStatus().isOk();
        client.get().uri("/api/audit?size=1000").headers(headers -> headers.setBearerAuth(token("supervisor")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec act(String user, String path) {
        return client.post().uri(path)
                .headers(headers -> headers.setBearerAuth(token(user)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("note", "called the citizen"))
                .exchange();
    }

    private WebTestClient.BodyContentSpec audit(String query) {
        return client.get().uri("/api/audit?" + query)
                .headers(headers -> headers.setBearerAuth(token("supervisor")))
                .exchange()
                .expectStatus().isOk()
                .expectBody();
    }
}
