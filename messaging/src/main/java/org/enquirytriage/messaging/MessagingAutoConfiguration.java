package org.enquirytriage.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Sets every service up the same way: records keyed by string with the event as bytes, an idempotent producer that
 * waits for all replicas, consumers that start from the earliest record, the topics and their dead-letter twins,
 * the CloudEvents codec, the outbox relay and the dead-letter error handler, the metrics of both, and the health of
 * the consumers (ready only once they hold their partitions).
 */
@AutoConfiguration(after = { KafkaAutoConfiguration.class, MongoDataAutoConfiguration.class })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** How long an outbox backlog read for the metrics is reported before it is read again. */
    private static final Duration OUTBOX_METRICS_CACHE = Duration.ofSeconds(5);

    @Bean
    DefaultKafkaProducerFactoryCustomizer eventProducerSettings() {
        return factory -> {
            Map<String, Object> settings = new HashMap<>(factory.getConfigurationProperties());
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
            settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
            factory.updateConfigs(settings);
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventConsumerSettings() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
    }

    @Bean
    KafkaAdmin.NewTopics eventTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetter(topic)))
                .map(topic -> topic(topic, properties))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, MessagingProperties properties) {
        return TopicBuilder.name(name).partitions(properties.partitions())
                .replicas(properties.replicationFactor()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    CloudEventCodec cloudEventCodec(ObjectMapper objectMapper, MessagingProperties properties,
            @Value("${spring.application.name:enquiry-triage}") String applicationName) {
        String source = properties.source() != null ? properties.source() : applicationName;
        return new CloudEventCodec(objectMapper, source);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, CloudEventCodec codec,
            MessagingProperties properties) {
        return new OutboxRelay(mongo, kafka, codec, properties.outbox());
    }

    /** The outbox backlog of every relayed collection and the dead-lettered records, as metrics. */
    @Bean
    @ConditionalOnMissingBean
    MessagingMetrics messagingMetrics(OutboxRelay relay) {
        return new MessagingMetrics(relay.collections(), relay::backlog, OUTBOX_METRICS_CACHE, Clock.systemUTC());
    }

    /** Retries a failing record a few times, then sends it to {@code <topic>-dlt} with the error in its headers. */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> kafka,
            MessagingProperties properties, ObjectProvider<MeterRegistry> meters) {
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                new DeadLetterDestination(meters.getIfAvailable(() -> Metrics.globalRegistry)));
        var deadLetter = properties.deadLetter();
        var handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(deadLetter.backoff().toMillis(), Math.max(0, deadLetter.attempts() - 1)));
        handler.addNotRetryableExceptions(UndecodableEventException.class);
        return handler;
    }

    /** {@code kafkaConsumers} in the health: out of service until the listeners hold their partitions. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class ConsumersHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaConsumersHealthIndicator")
        KafkaConsumersHealthIndicator kafkaConsumersHealthIndicator(
                ObjectProvider<KafkaListenerEndpointRegistry> registry) {
            return new KafkaConsumersHealthIndicator(() -> {
                KafkaListenerEndpointRegistry listeners = registry.getIfAvailable();
                return listeners == null ? List.of() : listeners.getAllListenerContainers();
            });
        }
    }
}
