package org.enquirytriage.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's browser login: the form, the HttpOnly SameSite=Strict cookie turned into the bearer token for the
 * dashboard's pages only, form posts only from the gateway's own origin, and a browser without a login sent to the
 * login page.
 */
class DashboardLoginTests extends LocalStackTestBase {

    private static final String COOKIE = "enquiry_session";

    @Test
    void shouldShowTheLoginFormInChineseAndInEnglishOnRequest() {
        String chinese = client.get().uri("/login").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(chinese).contains("<html lang=\"zh-CN\">", "<label for=\"username\">用户名</label>",
                "<label for=\"password\">密码</label>", "action=\"/login\"", "value=\"/dashboard\"",
                "href=\"/login/login.css\"");

        client.get().uri("/login?lang=en&next=/dashboard/cases/42").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches(HttpHeaders.SET_COOKIE, "lang=en;.*")
                .expectBody(String.class).value(english -> assertThat(english)
                        .contains("<html lang=\"en\">", "Username", "value=\"/dashboard/cases/42\""));
        client.get().uri("/login/login.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void shouldKeepTheTokenInAnHttpOnlyStrictCookieAndGoToTheDashboard() {
        EntityExchangeResult<byte[]> login = login("housing", Demo.PASSWORD, "/dashboard/cases/42?lang=en", self());

        assertThat(login.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(login.getResponseHeaders().getLocation()).hasToString("/dashboard/cases/42?lang=en");
        ResponseCookie cookie = login.getResponseCookies().getFirst(COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge().toHours()).isEqualTo(8);
        Jwt token = gatewayKeys().decode(cookie.getValue());
        assertThat(token.getSubject()).isEqualTo("housing");
        assertThat(token.getClaimAsString("department")).isEqualTo("housing-construction");
    }

    @Test
    void shouldShowTheFormAgainWithAMessageForAWrongPasswordAndNeverLeaveTheSite() {
        EntityExchangeResult<byte[]> failed = login("housing", "wrong", "/dashboard", self());

        assertThat(failed.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(new String(failed.getResponseBody())).contains("role=\"alert\"", "用户名或密码不正确。",
                "value=\"housing\"");
        assertThat(failed.getResponseCookies().getFirst(COOKIE)).isNull();

        assertThat(login("housing", Demo.PASSWORD, "https://evil.example/dashboard", self())
                .getResponseHeaders().getLocation()).hasToString("/dashboard");
        assertThat(login("housing", Demo.PASSWORD, "//evil.example/dashboard", self())
                .getResponseHeaders().getLocation()).hasToString("/dashboard");
        assertThat(login("housing", Demo.PASSWORD, "/api/admin/channel-keys", self())
                .getResponseHeaders().getLocation()).hasToString("/dashboard");
    }

    @Test
    void shouldRefuseALoginFormPostedFromAnotherSite() {
        client.post().uri("/login").header(HttpHeaders.ORIGIN, "https://evil.example")
                .body(BodyInserters.fromFormData("username", "housing").with("password", Demo.PASSWORD))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/login")
                .body(BodyInserters.fromFormData("username", "housing").with("password", Demo.PASSWORD))
                .exchange()
                .expectStatus().isForbidden();
        client.post().uri("/login").header(HttpHeaders.ORIGIN, "null").header("Sec-Fetch-Site", "cross-site")
                .body(BodyInserters.fromFormData("username", "housing").with("password", Demo.PASSWORD))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void shouldTakeABrowsersSameOriginPostThatWithholdsItsOrigin() {
        // the gateway's pages are sent with Referrer-Policy: no-referrer, so browsers post them with Origin: null
        client.post().uri("/login").header(HttpHeaders.ORIGIN, "null").header("Sec-Fetch-Site", "same-origin")
                .body(BodyInserters.fromFormData("username", "housing").with("password", Demo.PASSWORD))
                .exchange()
                .expectStatus().isSeeOther();
        client.post().uri("/login").header("Sec-Fetch-Site", "same-origin")
                .body(BodyInserters.fromFormData("username", "housing").with("password", Demo.PASSWORD))
                .exchange()
                .expectStatus().isSeeOther();
    }

    @Test
    void shouldRelayTheCookieAsTheBearerTokenToTheDashboardAndNotPassTheCookieOn() {
        services.stubFor(any(urlPathMatching("/dashboard.*")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<p>queue</p>")));
        String token = cookieToken("housing");

        client.get().uri("/dashboard?status=open").cookie(COOKIE, token).cookie("lang", "en").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("<p>queue</p>");

        LoggedRequest relayed = services.findAll(anyRequestedFor(urlPathMatching("/dashboard"))).get(0);
        assertThat(relayed.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(relayed.getHeader(HttpHeaders.COOKIE)).isEqualTo("lang=en");
    }

    @Test
    void shouldAcceptADashboardFormPostOnlyFromTheGatewaysOwnOrigin() {
        services.stubFor(any(urlPathMatching("/dashboard/.*")).willReturn(aResponse().withStatus(303)
                .withHeader("Location", "/dashboard/cases/42?done=accept")));
        String token = cookieToken("housing");

        client.post().uri("/dashboard/cases/42/accept").cookie(COOKIE, token)
                .header(HttpHeaders.ORIGIN, "http://localhost:1")
                .body(BodyInserters.fromFormData("version", "0"))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("gateway's own origin"));
        assertThat(services.findAll(anyRequestedFor(urlPathMatching("/dashboard/.*")))).isEmpty();

        client.post().uri("/dashboard/cases/42/accept").cookie(COOKIE, token).header(HttpHeaders.ORIGIN, self())
                .body(BodyInserters.fromFormData("version", "0"))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/dashboard/cases/42?done=accept");
    }

    @Test
    void shouldSendABrowserWithoutAValidLoginToTheLoginPage() {
        client.get().uri("/dashboard/cases/42?lang=en").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/login?next=%2Fdashboard%2Fcases%2F42%3Flang%3Den");
        client.get().uri("/dashboard").cookie(COOKIE, "not-a-token").exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/login?next=%2Fdashboard")
                .expectHeader().valueMatches(HttpHeaders.SET_COOKIE, COOKIE + "=;.*Max-Age=0.*");
        client.get().uri("/dashboard/queue").header("HX-Request", "true").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("HX-Redirect", "/login");
    }

    @Test
    void shouldIgnoreTheCookieOnTheApis() {
        services.stubFor(get(urlPathMatching("/api/cases.*")).willReturn(aResponse().withStatus(200)));

        client.get().uri("/api/cases").cookie(COOKIE, cookieToken("housing")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldClearTheCookieOnLogout() {
        client.post().uri("/logout").header(HttpHeaders.ORIGIN, self()).cookie(COOKIE, cookieToken("housing"))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/login")
                .expectHeader().valueMatches(HttpHeaders.SET_COOKIE, COOKIE + "=;.*Max-Age=0.*(?i)HttpOnly.*");
    }

    private String self() {
        return "http://localhost:" + port;
    }

    private String cookieToken(String username) {
        return login(username, Demo.PASSWORD, null, self()).getResponseCookies().getFirst(COOKIE).getValue();
    }

    private EntityExchangeResult<byte[]> login(String username, String password, String next, String origin) {
        var form = BodyInserters.fromFormData("username", username).with("password", password);
        if (next != null) {
            form = form.with("next", next);
        }
        return client.post().uri("/login").header(HttpHeaders.ORIGIN, origin).body(form)
                .exchange().expectBody().returnResult();
    }
}
