package org.enquirytriage.triage;

import java.util.List;

import org.enquirytriage.testsupport.MutableClock;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts the beans every test of the triage service may need into each of its test contexts, the same way in each, so
 * that contexts are still shared between test classes: a {@link MutableClock} as the primary
 * {@link java.time.Clock}, and an {@link IntakeStandIn}, created only when a test asks for it (slices without Kafka
 * have nothing to give it).
 */
class TestBeansContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new TestBeansCustomizer();
    }

    private static final class TestBeansCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            if (context.getBeanFactory() instanceof BeanDefinitionRegistry registry) {
                RootBeanDefinition clock = new RootBeanDefinition(MutableClock.class);
                clock.setPrimary(true);
                registry.registerBeanDefinition("mutableTestClock", clock);
                RootBeanDefinition intake = new RootBeanDefinition(IntakeStandIn.class);
                intake.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
                intake.setLazyInit(true);
                registry.registerBeanDefinition("intakeStandIn", intake);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestBeansCustomizer;
        }

        @Override
        public int hashCode() {
            return TestBeansCustomizer.class.hashCode();
        }
    }
}
