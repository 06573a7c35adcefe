package org.enquirytriage.security.test;

import java.util.List;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Registers {@link StaffAuthentication#decoder()} as the {@link JwtDecoder} of every Spring test context, so the
 * services' tests authenticate with {@link StaffAuthentication} tokens and need no gateway.
 */
public class StaffTokensContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new StaffTokensContextCustomizer();
    }

    private static final class StaffTokensContextCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context,
                MergedContextConfiguration mergedConfig) {
            if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
                RootBeanDefinition decoder = new RootBeanDefinition(JwtDecoder.class, StaffAuthentication::decoder);
                registry.registerBeanDefinition("staffTestJwtDecoder", decoder);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof StaffTokensContextCustomizer;
        }

        @Override
        public int hashCode() {
            return StaffTokensContextCustomizer.class.hashCode();
        }
    }
}
