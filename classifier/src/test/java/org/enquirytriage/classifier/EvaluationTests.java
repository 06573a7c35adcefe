package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationTests {

    @Test
    void shouldComputePrecisionRecallAndF1OfEveryClassAndTheirMacroAverage() {
        Evaluation evaluation = Evaluation.of(List.of("a", "a", "a", "b", "b", "c"),
                List.of("a", "a", "b", "b", "c", "c"));

        assertThat(evaluation.n()).isEqualTo(6);
        assertThat(evaluation.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        ClassMetrics a = evaluation.classes().get(0);
        assertThat(a.label()).isEqualTo("a");
        assertThat(a.precision()).isEqualTo(1.0);
        assertThat(a.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(a.f1()).isCloseTo(0.8, within(1e-12));
        assertThat(a.support()).isEqualTo(3);
        assertThat(evaluation.macroF1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
        assertThat(evaluation.report()).contains("macro avg").contains("accuracy");
    }

    @Test
    void shouldCountAClassThatWasOnlyPredictedWithAnF1OfZero() {
        Evaluation evaluation = Evaluation.of(List.of("a", "a"), List.of("a", "x"));

        assertThat(evaluation.classes()).extracting(ClassMetrics::label).containsExactly("a", "x");
        assertThat(evaluation.macroF1()).isCloseTo((2.0 / 3 + 0) / 2, within(1e-12));
    }
}
