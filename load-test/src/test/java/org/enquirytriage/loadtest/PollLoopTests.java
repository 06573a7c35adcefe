package org.enquirytriage.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PollLoopTests {

    private static final TopicPartition PARTITION = new TopicPartition("enquiry-received", 0);

    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
    private final CountDownLatch ended = new CountDownLatch(1);

    PollLoopTests() {
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
    }

    @Test
    void shouldHandOnTheRecordsUntilStoppedAndThenEnd() throws InterruptedException {
        List<String> keys = new CopyOnWriteArrayList<>();
        CountDownLatch read = new CountDownLatch(2);
        PollLoop loop = new PollLoop(consumer, records -> records.forEach(record -> {
            keys.add(record.key());
            read.countDown();
        }), ended::countDown);
        consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), 0, 0, "enquiry-1", new byte[0]));
        consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), 0, 1, "enquiry-2", new byte[0]));

        loop.start("poll-loop-test");
        assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
        loop.stop();

        assertThat(keys).containsExactly("enquiry-1", "enquiry-2");
        assertThat(ended.getCount()).isZero();
        assertThat(loop.failure()).isNull();
    }

    @Test
    void shouldKeepWhatStoppedItBeforeItWasAsked() throws InterruptedException {
        PollLoop loop = new PollLoop(consumer, records -> {
            throw new IllegalStateException("the broker went away");
        }, ended::countDown);

        loop.start("poll-loop-test");

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.failure()).hasMessage("the broker went away");
    }
}
