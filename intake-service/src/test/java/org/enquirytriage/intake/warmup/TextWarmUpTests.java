package org.enquirytriage.intake.warmup;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

import com.fasterxml.jackson.databind.ObjectMapper;

class TextWarmUpTests {

    @Test
    void shouldRunThroughTheSamplesWithTheirPersonalDataMasked() {
        assertThatCode(() -> new TextWarmUp(new ObjectMapper(), new WarmUpProperties(40))
                .run(new DefaultApplicationArguments())).doesNotThrowAnyException();
    }
}
