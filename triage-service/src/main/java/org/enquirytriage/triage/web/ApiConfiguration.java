package org.enquirytriage.triage.web;

import org.enquirytriage.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The description of the staff API (OpenAPI) and the endpoints that answer without a token: that description. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    private static final String BEARER = "staff-jwt";

    @Bean
    PublicEndpoints apiDocumentation() {
        return PublicEndpoints.of(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                "/swagger-ui/**");
    }

    @Bean
    OpenAPI triageApi() {
        return new OpenAPI()
                .info(new Info().title("Triage service: the staff API")
                        .description("Cases opened from citizens' enquiries: a department's queue, the lifecycle "
                                + "actions and the supervisors' views. Every endpoint needs a staff JWT; staff see "
                                + "their own department's cases, supervisors and admins all.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes(BEARER,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
