package org.enquirytriage.messaging.warmup;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Runs a service's warm-up a number of times at start-up, before the service reports ready: Spring Boot accepts
 * traffic ({@code readinessState}) only once every runner has finished. A self-test too: a sample that fails its
 * check (or cannot be read or written as JSON) stops the start.
 */
public abstract class WarmUpRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(WarmUpRunner.class);

    private final int iterations;
    private final String done;

    /**
     * @param iterations how many samples are warmed; 0 for none
     * @param done what was done to each, for the log ({@code classified})
     */
    protected WarmUpRunner(int iterations, String done) {
        if (iterations < 0) {
            throw new IllegalArgumentException("The warm-up's iterations must not be negative, but are " + iterations);
        }
        this.iterations = iterations;
        this.done = done;
    }

    /**
     * Warms the service with its {@code iteration}th sample (counting on from 0; the service picks the sample) and
     * checks the result, throwing when it is wrong.
     */
    protected abstract void warm(int iteration) throws IOException;

    @Override
    public void run(ApplicationArguments args) {
        if (iterations == 0) {
            return;
        }
        long started = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            try {
                warm(i);
            }
            catch (IOException e) {
                throw new UncheckedIOException("A warm-up sample could not be read or written as JSON", e);
            }
        }
        log.info("Warmed up: {} enquiries {} in {} ms", iterations, done, (System.nanoTime() - started) / 1_000_000);
    }
}
