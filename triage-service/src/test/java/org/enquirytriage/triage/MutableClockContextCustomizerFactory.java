package org.enquirytriage.triage;

import java.util.List;

import org.enquirytriage.testsupport.MutableClock;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts a {@link MutableClock} as the primary {@link java.time.Clock} into every test context of the triage service,
 * the same way in each, so that contexts are still shared between test classes.
 */
class MutableClockContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new MutableClockCustomizer();
    }

    private static final class MutableClockCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
                RootBeanDefinition clock = new RootBeanDefinition(MutableClock.class);
                clock.setPrimary(true);
                registry.registerBeanDefinition("mutableTestClock", clock);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MutableClockCustomizer;
        }

        @Override
        public int hashCode() {
            return MutableClockCustomizer.class.hashCode();
        }
    }
}
