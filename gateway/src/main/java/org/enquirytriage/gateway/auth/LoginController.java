package org.enquirytriage.gateway.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in login of the local stack: a configured user's name and password for a signed staff token. Not
 * available when no users are configured (production, where an OIDC issuer signs the tokens).
 */
@RestController
class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);
    private static final String BEARER = "Bearer ";

    private final LocalUsers users;
    private final TokenIssuer issuer;
    private final Logout logout;

    LoginController(LocalUsers users, TokenIssuer issuer, Logout logout) {
        this.users = users;
        this.issuer = issuer;
        this.logout = logout;
    }

    /**
     * Logs the bearer token out: it is refused from now until it expires (a token of the OIDC issuer too, at this
     * gateway); 204, also without a token. An invalid token never gets here (401).
     */
    @PostMapping("/auth/logout")
    Mono<ResponseEntity<Void>> logout(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
            String authorization) {
        String token = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
        return logout.revoke(token).thenReturn(ResponseEntity.noContent().build());
    }

    @PostMapping("/auth/login")
    Mono<TokenResponse> login(@Valid @RequestBody LoginRequest login) {
        if (!users.enabled()) {
            return Mono.error(problem(HttpStatus.NOT_FOUND,
                    "The built-in login is not enabled: sign in with the organisation's identity provider."));
        }
        return Mono.fromCallable(() -> users.authenticate(login.username(), login.password()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(member -> member
                        .map(staff -> {
                            log.info("User {} logged in", staff.id());
                            TokenIssuer.IssuedToken token = issuer.staffToken(staff);
                            return Mono.just(new TokenResponse(token.value(), "Bearer",
                                    token.expiresIn().toSeconds()));
                        })
                        .orElseGet(() -> {
                            log.info("A login failed");
                            return Mono.error(problem(HttpStatus.UNAUTHORIZED, "Unknown user or wrong password."));
                        }));
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /**
     * A login.
     *
     * @param username the user's name
     * @param password the user's password
     */
    record LoginRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
    }

    /**
     * The token for the logged-in user.
     *
     * @param accessToken the signed JWT
     * @param tokenType   always {@code Bearer}
     * @param expiresIn   seconds until it expires
     */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {
    }
}
