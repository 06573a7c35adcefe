package org.enquirytriage.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Makes a servlet service an OAuth2 resource server: the relayed JWT is checked (gateway issuer or configured OIDC
 * issuer), its claims become the {@link StaffMember} principal, the {@link RestrictedEndpoints} beans need their
 * roles, the {@link PublicEndpoints} beans and the health, info and prometheus endpoints are open, everything else
 * needs a token; 401 and 403 are problem+json.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, JwtDecoder.class})
@EnableConfigurationProperties({ServiceSecurityProperties.class, OAuth2ResourceServerProperties.class})
public class StaffSecurityAutoConfiguration {

    private static final String[] OPEN_INFRASTRUCTURE = {
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error"};

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder staffJwtDecoder(ServiceSecurityProperties properties,
            OAuth2ResourceServerProperties resourceServer) {
        return StaffJwtDecoder.of(properties, resourceServer.getJwt().getIssuerUri(),
                resourceServer.getJwt().getAudiences());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain staffSecurityFilterChain(HttpSecurity http, ObjectProvider<PublicEndpoints> publicEndpoints,
            ObjectProvider<RestrictedEndpoints> restrictedEndpoints, ObjectProvider<ObjectMapper> objectMapper)
            throws Exception {
        SecurityProblemHandler problems = new SecurityProblemHandler(
                objectMapper.getIfAvailable(() -> Jackson2ObjectMapperBuilder.json().build()));
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    restrictedEndpoints.orderedStream()
                            .flatMap(endpoints -> endpoints.endpoints().stream())
                            .forEach(endpoint -> requests.requestMatchers(paths.matcher(endpoint.pattern()))
                                    .hasAnyRole(endpoint.roles().stream().map(Role::name).toArray(String[]::new)));
                    publicEndpoints.orderedStream()
                            .flatMap(endpoints -> endpoints.endpoints().stream())
                            .forEach(endpoint -> requests
                                    .requestMatchers(paths.matcher(endpoint.method(), endpoint.pattern()))
                                    .permitAll());
                    for (String pattern : OPEN_INFRASTRUCTURE) {
                        requests.requestMatchers(paths.matcher(pattern)).permitAll();
                    }
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(StaffAuthenticationToken::from))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }
}
