package org.enquirytriage.security.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Limits the request body of a servlet service ({@code enquiry.limits.*}): the filter refuses a body over its limit
 * before authentication, so that an oversized request costs nothing, and the resolver answers a streamed body that
 * goes past it while it is read.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@EnableConfigurationProperties(RequestSizeLimitProperties.class)
public class RequestSizeLimitAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(RequestSizeLimitProperties properties,
            ObjectProvider<ObjectMapper> objectMapper) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties, tooLargeResponses(objectMapper)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);   // before Spring Security's filter chain (-100)
        return registration;
    }

    @Bean
    RequestBodyTooLargeResolver requestBodyTooLargeResolver(ObjectProvider<ObjectMapper> objectMapper) {
        return new RequestBodyTooLargeResolver(tooLargeResponses(objectMapper));
    }

    private static TooLargeResponses tooLargeResponses(ObjectProvider<ObjectMapper> objectMapper) {
        return new TooLargeResponses(objectMapper.getIfAvailable(() -> Jackson2ObjectMapperBuilder.json().build()));
    }
}
