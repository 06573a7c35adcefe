package org.enquirytriage.gateway.security;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.GatewayProperties;
import org.enquirytriage.gateway.auth.TokenIssuer;
import org.enquirytriage.gateway.channelkey.ApiKeys;
import org.enquirytriage.gateway.channelkey.ChannelKeyRegistry;
import org.enquirytriage.gateway.problem.ProblemResponses;
import org.enquirytriage.gateway.session.LoginRedirect;
import org.enquirytriage.security.StaffClaims;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * The gateway's security: stateless, API keys and bearer tokens, the {@link AccessRules}, CORS for the configured
 * origins, and security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
class SecurityConfiguration {

    @Bean
    ReactiveJwtDecoder gatewayJwtDecoder(TokenIssuer issuer, OAuth2ResourceServerProperties resourceServer,
            RevokedTokens revoked) {
        return GatewayJwtDecoder.of(issuer.issuer(), issuer.publicKey(), resourceServer.getJwt().getIssuerUri(),
                resourceServer.getJwt().getAudiences(), revoked);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
            ChannelKeyRegistry channelKeys, ProblemResponses problemResponses, GatewayProperties properties,
            LoginRedirect loginRedirect) {
        SecurityProblems problems = new SecurityProblems(problemResponses);
        // a browser asking for a dashboard page without a valid login goes to the login page instead of a 401
        ServerAuthenticationEntryPoint entryPoint = loginRedirect.orElse(problems);
        GatewayProperties.SecurityHeaders headers = properties.securityHeaders();
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(cors -> cors.configurationSource(corsSource(properties.cors())))
                .headers(spec -> {
                    spec.frameOptions(frame -> frame.mode(Mode.DENY))
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                            .contentSecurityPolicy(csp -> csp.policyDirectives(headers.contentSecurityPolicy()))
                            .hsts(hsts -> hsts.maxAge(headers.hstsMaxAge()).includeSubdomains(true));
                    if (headers.hstsAlways()) {
                        spec.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                                .writer(StaticServerHttpHeadersWriter.builder()
                                        .header("Strict-Transport-Security", "max-age="
                                                + headers.hstsMaxAge().toSeconds() + "; includeSubDomains")
                                        .build());
                    }
                })
                .authorizeExchange(AccessRules::apply)
                .addFilterAt(apiKeyFilter(channelKeys, problems), SecurityWebFiltersOrder.AUTHENTICATION)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                                token -> Mono.just(new CallerAuthentication(
                                        StaffClaims.toStaffMember(token.getClaims()), token))))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    private static AuthenticationWebFilter apiKeyFilter(ChannelKeyRegistry channelKeys, SecurityProblems problems) {
        ReactiveAuthenticationManager manager = presented -> channelKeys
                .authenticate((String) presented.getCredentials())
                .map(channel -> new CallerAuthentication(channel, null))
                .cast(Authentication.class)
                .switchIfEmpty(Mono.error(SecurityProblems.InvalidApiKeyException::new));
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        ServerWebExchangeMatcher hasKey = exchange ->
                exchange.getRequest().getHeaders().containsKey(ApiKeys.HEADER)
                        ? ServerWebExchangeMatcher.MatchResult.match()
                        : ServerWebExchangeMatcher.MatchResult.notMatch();
        filter.setRequiresAuthenticationMatcher(hasKey);
        filter.setServerAuthenticationConverter(exchange -> Mono
                .justOrEmpty(exchange.getRequest().getHeaders().getFirst(ApiKeys.HEADER))
                .map(PresentedApiKey::new));
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(problems));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    private static CorsConfigurationSource corsSource(GatewayProperties.Cors cors) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        if (cors.allowedOrigins().isEmpty()) {
            return source;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
                HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, ApiKeys.HEADER,
                "X-Request-Id"));
        configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Request-Id"));
        configuration.setMaxAge(Duration.ofHours(1));
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
