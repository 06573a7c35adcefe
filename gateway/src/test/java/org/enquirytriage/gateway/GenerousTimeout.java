package org.enquirytriage.gateway;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.reactive.server.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** A generous response timeout for the tests' client: a BCrypt login or a first key fetch can be slow on CI. */
@TestConfiguration(proxyBeanMethods = false)
class GenerousTimeout {

    @Bean
    WebTestClientBuilderCustomizer generousTimeout() {
        return builder -> builder.responseTimeout(Duration.ofSeconds(30));
    }
}
