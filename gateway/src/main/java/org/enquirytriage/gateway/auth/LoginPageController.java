package org.enquirytriage.gateway.auth;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.enquirytriage.gateway.session.SessionCookies;
import org.enquirytriage.security.StaffMember;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The login of the pages behind the gateway (the routing dashboard): a form on {@code GET /login} that checks the
 * user like {@code POST /auth/login} and keeps the staff token in an HttpOnly, SameSite=Strict cookie, then goes to
 * the page the user came for; {@code POST /logout} clears the cookie. Chinese unless {@code ?lang=en} or the
 * dashboard's {@code lang} cookie asks for English.
 */
@RestController
class LoginPageController {

    private static final Logger log = LoggerFactory.getLogger(LoginPageController.class);

    private static final String LANGUAGE = "lang";
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    private static final int MAX_USERNAME = 100;
    private static final int MAX_PASSWORD = 200;

    private final LocalUsers users;
    private final TokenIssuer issuer;
    private final SessionCookies cookies;
    private final Logout logout;
    private final String stylesheet;

    LoginPageController(LocalUsers users, TokenIssuer issuer, SessionCookies cookies, Logout logout)
            throws IOException {
        this.users = users;
        this.issuer = issuer;
        this.cookies = cookies;
        this.logout = logout;
        this.stylesheet = StreamUtils.copyToString(new ClassPathResource("login/login.css").getInputStream(),
                StandardCharsets.UTF_8);
    }

    @GetMapping(SessionCookies.LOGIN_PAGE)
    ResponseEntity<String> form(@RequestParam(required = false) String next,
            @RequestParam(name = LANGUAGE, required = false) String language, ServerWebExchange exchange) {
        boolean english = english(language, exchange);
        ResponseEntity.BodyBuilder page = ResponseEntity.status(users.enabled() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(HTML).cacheControl(CacheControl.noStore());
        if ("en".equals(language) || "zh".equals(language)) {
            page.header("Set-Cookie", ResponseCookie.from(LANGUAGE, "en".equals(language) ? "en" : "zh-CN")
                    .path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").build().toString());
        }
        return page.body(LoginPage.render(english, cookies.returnTo(next), null, null, users.enabled()));
    }

    @PostMapping(path = SessionCookies.LOGIN_PAGE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<String>> login(ServerWebExchange exchange) {
        boolean english = english(null, exchange);
        return exchange.getFormData().flatMap(form -> {
            String next = cookies.returnTo(form.getFirst("next"));
            String username = value(form, "username", MAX_USERNAME);
            String password = value(form, "password", MAX_PASSWORD);
            if (!users.enabled() || username == null || password == null) {
                return Mono.just(failed(english, next, username, users.enabled()));
            }
            return Mono.fromCallable(() -> users.authenticate(username, password))
                    .subscribeOn(Schedulers.boundedElastic())
                    .map(member -> member.map(staff -> loggedIn(exchange, staff, next))
                            .orElseGet(() -> {
                                log.info("A dashboard login failed");
                                return failed(english, next, username, true);
                            }));
        });
    }

    /** Clears the login cookie and revokes its token until it expires. */
    @PostMapping(SessionCookies.LOGOUT)
    Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        return logout.revoke(cookies.token(exchange.getRequest()))
                .thenReturn(ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(SessionCookies.LOGIN_PAGE))
                        .header("Set-Cookie", cookies.loggedOut(exchange).toString()).<Void>build());
    }

    @GetMapping(SessionCookies.LOGIN_PAGE + "/login.css")
    ResponseEntity<String> stylesheet() {
        return ResponseEntity.ok().contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(stylesheet);
    }

    private ResponseEntity<String> loggedIn(ServerWebExchange exchange, StaffMember staff, String next) {
        log.info("User {} logged in to the dashboard", staff.id());
        TokenIssuer.IssuedToken token = issuer.staffToken(staff);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(next))
                .header("Set-Cookie", cookies.loggedIn(exchange, token.value(), token.expiresIn()).toString())
                .build();
    }

    private static ResponseEntity<String> failed(boolean english, String next, String username, boolean enabled) {
        return ResponseEntity.status(enabled ? HttpStatus.UNAUTHORIZED : HttpStatus.NOT_FOUND).contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .body(LoginPage.render(english, next, username, enabled ? LoginPage.failed(english) : null, enabled));
    }

    private static String value(MultiValueMap<String, String> form, String field, int max) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() || value.length() > max ? null : value;
    }

    /** English when asked for now, or when the dashboard's language cookie says so; Chinese otherwise. */
    private static boolean english(String language, ServerWebExchange exchange) {
        if (language != null) {
            return "en".equals(language);
        }
        return Optional.ofNullable(exchange.getRequest().getCookies().getFirst(LANGUAGE)).map(HttpCookie::getValue)
                .filter(value -> value.startsWith("en")).isPresent();
    }
}
