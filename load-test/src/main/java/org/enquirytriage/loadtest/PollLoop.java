package org.enquirytriage.loadtest;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Polls a consumer in a daemon thread of its own until {@link #stop()} wakes it, handing each batch of records on;
 * what went wrong before that is kept as the {@link #failure()}. The reading that {@link CaseWatcher} and
 * {@link DuplicateDelivery} share.
 */
final class PollLoop {

    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
    private final Consumer<ConsumerRecords<String, byte[]>> onRecords;
    private final Runnable onEnd;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    /**
     * @param onRecords given every batch polled, empty ones too
     * @param onEnd run in the loop's thread when it ends, however it ends
     */
    PollLoop(org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
            Consumer<ConsumerRecords<String, byte[]>> onRecords, Runnable onEnd) {
        this.consumer = consumer;
        this.onRecords = onRecords;
        this.onEnd = onEnd;
    }

    void start(String threadName) {
        Thread thread = new Thread(this::poll, threadName);
        thread.setDaemon(true);
        started = true;
        thread.start();
    }

    boolean started() {
        return started;
    }

    /** What stopped the loop before it was asked to stop; null while it runs or when it was asked. */
    RuntimeException failure() {
        return failure;
    }

    /** Wakes the consumer and waits a while for the loop to end; once is enough. */
    void stop() {
        if (!started || closing) {
            return;
        }
        closing = true;
        consumer.wakeup();
        try {
            stopped.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        try {
            while (true) {
                onRecords.accept(consumer.poll(POLL_TIMEOUT));
            }
        }
        catch (WakeupException e) {
            if (!closing) {
                failure = e;
            }
        }
        catch (RuntimeException e) {
            failure = e;
        }
        finally {
            onEnd.run();
            stopped.countDown();
        }
    }
}
