package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReliabilityTests {

    @Test
    void shouldCompareEachBinsMeanConfidenceWithItsAccuracy() {
        Reliability reliability = Reliability.of(List.of(0.95, 0.95, 0.95, 0.95, 0.55, 0.55),
                List.of(true, true, true, false, true, false));

        assertThat(reliability.bins()).extracting(Reliability.Bin::n).containsExactly(2, 4);
        Reliability.Bin high = reliability.bins().get(1);
        assertThat(high.from()).isCloseTo(0.9, within(1e-12));
        assertThat(high.meanConfidence()).isCloseTo(0.95, within(1e-12));
        assertThat(high.accuracy()).isCloseTo(0.75, within(1e-12));
        assertThat(reliability.expectedCalibrationError()).isCloseTo(4.0 / 6 * 0.2 + 2.0 / 6 * 0.05, within(1e-12));
        assertThat(reliability.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(reliability.report()).contains("0.9-1.0").contains("expected calibration error 0.1500");
    }

    @Test
    void shouldFindNoErrorWhenConfidenceMatchesAccuracy() {
        Reliability reliability = Reliability.of(List.of(1.0, 1.0, 0.5, 0.5), List.of(true, true, true, false));

        assertThat(reliability.expectedCalibrationError()).isCloseTo(0, within(1e-12));
    }

    @Test
    void shouldRefuseAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> Reliability.of(List.of(1.5), List.of(true)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
