package org.enquirytriage.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class LoginTests extends LocalStackTestBase {

    @Test
    void shouldIssueAStaffTokenTheServicesCanVerifyWithTheJwks() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "housing", "password", Demo.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.expires_in").isEqualTo(8 * 3600);

        Jwt token = gatewayKeys().decode(Demo.login(client, "housing"));

        assertThat(token.getSubject()).isEqualTo("housing");
        assertThat(token.getClaimAsString("name")).isEqualTo("Housing clerk");
        assertThat(token.getClaimAsStringList("roles")).isEqualTo(List.of("STAFF"));
        assertThat(token.getClaimAsString("department")).isEqualTo("housing-construction");
        assertThat(token.getClaimAsString("iss")).isEqualTo("enquiry-triage-gateway");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void shouldLetFourDemoEditorsLogInForTheSeparateDutiesOfTheReview() {
        for (String editor : List.of("editor", "editor2", "editor3", "chief-editor")) {
            Jwt token = gatewayKeys().decode(Demo.login(client, editor));

            assertThat(token.getSubject()).isEqualTo(editor);
            assertThat(token.getClaimAsStringList("roles")).isEqualTo(List.of("EDITOR"));
        }
    }

    @Test
    void shouldRefuseAWrongPasswordAndAnUnknownUserAlike() {
        for (Map<String, String> login : List.of(Map.of("username", "housing", "password", "wrong"),
                Map.of("username", "nobody", "password", Demo.PASSWORD))) {
            client.post().uri("/auth/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(login)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("Unknown user or wrong password.");
        }
    }

    @Test
    void shouldRefuseALoginWithoutAPassword() {
        client.post().uri("/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "housing"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void shouldRefuseATokenOnceItsUserLoggedOut() {
        services.stubFor(get("/api/cases/c-1").willReturn(okJson("{}")));
        String token = Demo.login(client, "supervisor");
        client.get().uri("/api/cases/c-1").headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus().isOk();

        client.post().uri("/auth/logout").headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();

        client.get().uri("/api/cases/c-1").headers(headers -> headers.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("logged out"));
        String again = Demo.login(client, "supervisor");
        client.get().uri("/api/cases/c-1").headers(headers -> headers.setBearerAuth(again)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void shouldRefuseARelayedChannelTokenReplayedAsABearerToken() {
        services.stubFor(post("/api/enquiries").willReturn(aResponse().withStatus(202)));
        client.post().uri("/api/enquiries")
                .header("X-Api-Key", Demo.PORTAL_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "text", "路灯坏了"))
                .exchange()
                .expectStatus().isAccepted();
        String relayed = services.findAll(postRequestedFor(urlEqualTo("/api/enquiries"))).get(0)
                .getHeader("Authorization");

        client.post().uri("/api/enquiries")
                .header("Authorization", relayed)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "portal", "text", "路灯坏了"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("Channel adapters authenticate with an API key"));
    }
}
