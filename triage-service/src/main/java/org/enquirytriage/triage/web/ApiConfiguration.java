package org.enquirytriage.triage.web;

import java.util.Set;

import org.enquirytriage.security.RestrictedEndpoints;
import org.enquirytriage.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The description of the staff API (OpenAPI), and who may read it and use the classifier's models endpoints. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    private static final String BEARER = "staff-jwt";

    /**
     * The API's description for staff only, and the classifier's models for admins only: checked before a model
     * upload's body (up to 64 MB) is read.
     */
    @Bean
    RestrictedEndpoints restrictedEndpoints() {
        return RestrictedEndpoints.of(Set.of(Role.ADMIN), "/api/triage/models", "/api/triage/models/**")
                .and(Set.of(Role.STAFF, Role.SUPERVISOR, Role.EDITOR, Role.ADMIN), "/v3/api-docs", "/v3/api-docs/**",
                        "/swagger-ui.html", "/swagger-ui/**");
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
