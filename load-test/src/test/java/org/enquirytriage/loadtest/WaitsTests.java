package org.enquirytriage.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WaitsTests {

    private static final Duration INTERVAL = Duration.ofMillis(10);

    @Test
    void shouldReturnOnceTheConditionHolds() {
        AtomicInteger checks = new AtomicInteger();

        boolean held = Waits.until(() -> checks.incrementAndGet() == 3, INTERVAL,
                System.nanoTime() + Duration.ofSeconds(10).toNanos());

        assertThat(held).isTrue();
        assertThat(checks).hasValue(3);
    }

    @Test
    void shouldGiveUpAtTheDeadline() {
        long start = System.nanoTime();

        boolean held = Waits.until(() -> false, INTERVAL, start + Duration.ofMillis(200).toNanos());

        assertThat(held).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(200),
                Duration.ofSeconds(5));
    }

    @Test
    void shouldEndTheWaitWithWhatTheConditionThrew() {
        assertThatThrownBy(() -> Waits.until(() -> {
            throw new IllegalStateException("the process exited");
        }, INTERVAL, System.nanoTime() + Duration.ofSeconds(10).toNanos()))
                .isInstanceOf(IllegalStateException.class).hasMessage("the process exited");
    }
}
