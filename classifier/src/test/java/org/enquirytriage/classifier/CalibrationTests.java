package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class CalibrationTests {

    @Test
    void shouldRecoverTheScaleAndBoostThatGeneratedTheLabels() {
        Calibration truth = new Calibration(2, 1);
        Random random = new Random(2026);
        int n = 20_000;
        double[][] scores = new double[n][];
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = new double[] { random.nextGaussian(), random.nextGaussian(), random.nextGaussian() };
            double[] p = truth.probabilities(scores[i]);
            double u = random.nextDouble();
            gold[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
        }

        Calibration fitted = Calibration.fit(scores, gold);

        assertThat(fitted.scale()).isCloseTo(2, within(0.15));
        assertThat(fitted.boost()).isCloseTo(1, within(0.15));
        assertThat(Calibration.scale(scores, gold)).isGreaterThan(2.15);
    }

    @Test
    void shouldGiveProbabilitiesThatSumToOneWithTheHighestScoreMostProbable() {
        double[] probabilities = new Calibration(0.5, 3).probabilities(new double[] { 0.1, 0.3, -2 });

        assertThat(Arrays.stream(probabilities).sum()).isCloseTo(1, within(1e-12));
        assertThat(probabilities[1]).isGreaterThan(probabilities[0]).isGreaterThan(probabilities[2]);
        assertThat(Calibration.NONE.probabilities(new double[] { 0, 0 })).containsExactly(0.5, 0.5);
    }
}
