package org.enquirytriage.triage.casework;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.enquirytriage.testsupport.EmbeddedMongoConfiguration;
import org.mockito.Mockito;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A MongoDB slice with the case repository on the in-memory MongoDB stand-in, the CloudEvents codec and a relay that
 * sends nothing (the events stay in the outboxes, where the tests count them). Every test class with this
 * annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataMongoTest
@Import({ EmbeddedMongoConfiguration.class, Cases.class, CaseFiguresQuery.class, CaseStoreTest.Beans.class })
@interface CaseStoreTest {

    @TestConfiguration(proxyBeanMethods = false)
    class Beans {

        @Bean
        CloudEventCodec cloudEventCodec() {
            return new CloudEventCodec(new ObjectMapper().findAndRegisterModules()
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS), "triage-service");
        }

        @Bean
        OutboxRelay outboxRelay() {
            return Mockito.mock(OutboxRelay.class);
        }
    }
}
