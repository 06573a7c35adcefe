package org.enquirytriage.messaging.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class WarmUpRunnerTests {

    @Test
    void shouldWarmEachIterationOnceInTurn() {
        List<Integer> warmed = new ArrayList<>();

        runner(5, warmed::add).run(new DefaultApplicationArguments());

        assertThat(warmed).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void shouldWarmNothingForNoIterations() {
        List<Integer> warmed = new ArrayList<>();

        runner(0, warmed::add).run(new DefaultApplicationArguments());

        assertThat(warmed).isEmpty();
    }

    @Test
    void shouldStopTheStartWhenASampleFailsItsCheckOrItsJson() {
        assertThatThrownBy(() -> runner(3, i -> {
            if (i == 2) {
                throw new IllegalStateException("The masker let a phone number through");
            }
        }).run(new DefaultApplicationArguments())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> runner(3, i -> {
            throw new IOException("not JSON");
        }).run(new DefaultApplicationArguments())).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldRefuseANegativeNumberOfIterations() {
        assertThatThrownBy(() -> runner(-1, i -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    private static WarmUpRunner runner(int iterations, Sample sample) {
        return new WarmUpRunner(iterations, "tried") {
            @Override
            protected void warm(int iteration) throws IOException {
                sample.warm(iteration);
            }
        };
    }

    private interface Sample {
        void warm(int iteration) throws IOException;
    }
}
