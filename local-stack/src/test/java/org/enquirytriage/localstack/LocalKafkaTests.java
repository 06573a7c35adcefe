package org.enquirytriage.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTests {

    private static final String TOPIC = "enquiry-received";

    @TempDir
    Path dataDirectory;

    @Test
    void shouldKeepRecordsAndCommittedOffsetsAcrossARestart() throws Exception {
        LocalKafka.Settings settings = new LocalKafka.Settings(dataDirectory.resolve("kafka"), FreePorts.next(), FreePorts.next());

        try (LocalKafka kafka = LocalKafka.start(settings)) {
            send(kafka, "E-1", "E-2");
            assertThat(consume(kafka, "triage", 2)).containsExactlyInAnyOrder("E-1", "E-2");
        }

        try (LocalKafka kafka = LocalKafka.start(settings)) {
            send(kafka, "E-3");
            assertThat(consume(kafka, "triage", 1)).containsExactly("E-3");
            assertThat(consume(kafka, "publishing", 3)).containsExactlyInAnyOrder("E-1", "E-2", "E-3");
        }
    }

    private static void send(LocalKafka kafka, String... keys) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String key : keys) {
                producer.send(new ProducerRecord<>(TOPIC, key, "{\"enquiryId\":\"" + key + "\"}")).get();
            }
        }
    }

    private static List<String> consume(LocalKafka kafka, String group, int expectedCount) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(20)).pollInSameThread().untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(item -> keys.add(item.key()));
                assertThat(keys).hasSizeGreaterThanOrEqualTo(expectedCount);
            });
            consumer.commitSync();
        }
        return keys;
    }
}
