package org.enquirytriage.publishing.editor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The language of the editor's page. */
@Configuration(proxyBeanMethods = false)
class EditorConfiguration {

    @Bean
    LocaleResolver localeResolver() {
        return new EditorLocaleResolver();
    }
}
