package org.enquirytriage.triage.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.triage.classification.Classifier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

import com.fasterxml.jackson.databind.ObjectMapper;

class ClassifierWarmUpTests {

    private final List<String> classified = new ArrayList<>();
    private final Classifier classifier = (subject, text) -> {
        classified.add(text);
        return new Classification(EnquiryKind.PROBLEM_REPORT, "城乡建设", Priority.NORMAL, 0.87, "kind-1+topic-1",
                List.of("施工", "噪音"));
    };

    @Test
    void shouldClassifyTheSamplesAsOftenAsConfiguredBeforeTheServiceIsReady() {
        new ClassifierWarmUp(classifier, new ObjectMapper(), new WarmUpProperties(25))
                .run(new DefaultApplicationArguments());

        assertThat(classified).hasSize(25).containsAll(ClassifierWarmUp.SAMPLES);
    }

    @Test
    void shouldDoNothingWhenTurnedOff() {
        new ClassifierWarmUp(classifier, new ObjectMapper(), new WarmUpProperties(0))
                .run(new DefaultApplicationArguments());

        assertThat(classified).isEmpty();
    }

    @Test
    void shouldStopTheStartWhenTheClassifierFails() {
        Classifier broken = (subject, text) -> {
            throw new IllegalStateException("no model");
        };

        assertThatIllegalStateException().isThrownBy(() -> new ClassifierWarmUp(broken, new ObjectMapper(),
                new WarmUpProperties(3)).run(new DefaultApplicationArguments())).withMessage("no model");
    }
}
