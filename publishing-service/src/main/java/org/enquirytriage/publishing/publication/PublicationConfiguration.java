package org.enquirytriage.publishing.publication;

import org.enquirytriage.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The public knowledge-base page, its feeds, stylesheet and audio answer without a token. */
@Configuration(proxyBeanMethods = false)
class PublicationConfiguration {

    @Bean
    PublicEndpoints publicationEndpoints() {
        return PublicEndpoints.of(HttpMethod.GET, PublicLinks.PAGE, PublicLinks.PAGE + "/**");
    }
}
