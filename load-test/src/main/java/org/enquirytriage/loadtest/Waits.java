package org.enquirytriage.loadtest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waiting for something outside the tool (a topic, a restarted process) without sleeping: a scheduler checks the
 * condition at an interval and the caller waits for the outcome.
 */
final class Waits {

    private static final ScheduledExecutorService CHECKS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "load-test-waits");
        thread.setDaemon(true);
        return thread;
    });

    private Waits() {
    }

    /**
     * Checks the condition at once and then every interval until it holds or the deadline ({@link System#nanoTime()})
     * has passed. A condition that throws ends the wait with its exception.
     *
     * @return whether the condition held before the deadline
     */
    static boolean until(BooleanSupplier condition, Duration interval, long deadline) {
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        ScheduledFuture<?> checks = CHECKS.scheduleWithFixedDelay(() -> {
            if (outcome.isDone()) {
                return;
            }
            try {
                if (condition.getAsBoolean()) {
                    outcome.complete(true);
                }
                else if (System.nanoTime() - deadline > 0) {
                    outcome.complete(false);
                }
            }
            catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        }, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return outcome.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
        finally {
            checks.cancel(false);
        }
    }
}
