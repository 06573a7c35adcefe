package org.enquirytriage.publishing.surges;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SurgeDetectorTests {

    private static final Instant START = Instant.parse("2026-03-02T02:00:00Z");
    private static final SurgeDetector.Subject PARKING = new SurgeDetector.Subject("GROUP", "g-1", "车位捆绑销售");
    private static final SurgeDetector.Subject ESTATE = new SurgeDetector.Subject("PLACE", "滨河苑", "滨河苑");
    private static final SurgeDetector.Subject NOISE = new SurgeDetector.Subject("GROUP", "g-2", "搅拌站噪音");

    private final SurgeDetector detector = new SurgeDetector(SurgeSettings.defaults(), new InMemorySurgeCounts(3600));
    private int ids;

    @Test
    void shouldRaiseABurstAtTheMessageThatPassesTheLowestLevel() {
        List<SurgeDetector.Surge> surges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            surges.addAll(observe(START.plus(Duration.ofMinutes(4L * i)), PARKING));
        }
        assertThat(surges).isEmpty();

        List<SurgeDetector.Surge> sixth = observe(START.plus(Duration.ofMinutes(20)), PARKING);

        assertThat(sixth).singleElement().satisfies(surge -> {
            assertThat(surge.level().name()).isEqualTo("蓝");
            assertThat(surge.messages()).isEqualTo(6);
            assertThat(surge.firstAt()).isEqualTo(START);
            assertThat(surge.detectedAt()).isEqualTo(START.plus(Duration.ofMinutes(20)));
            assertThat(surge.messageIds()).hasSize(6);
            assertThat(surge.departments()).containsExactly("housing");
            assertThat(surge.raised()).isFalse();
        });
    }

    @Test
    void shouldRaiseTheSameSurgeOnceAtEachHigherLevelAndMergeItsSubjects() {
        List<SurgeDetector.Surge> surges = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            surges.addAll(observe(START.plus(Duration.ofMinutes(3L * i)), PARKING, ESTATE));
        }

        assertThat(surges).extracting(surge -> surge.level().name()).containsExactly("蓝", "黄");
        assertThat(surges).extracting(SurgeDetector.Surge::surgeId).containsOnly(surges.get(0).surgeId());
        assertThat(surges.get(1).raised()).isTrue();
    }

    @Test
    void shouldNotRaiseWhatIsUsualForTheSameHoursOfTheDaysBefore() {
        List<SurgeDetector.Surge> firstDay = new ArrayList<>();
        for (int day = 14; day >= 1; day--) {
            for (int i = 0; i < 6; i++) {
                List<SurgeDetector.Surge> surges = observe(
                        START.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(5L * i)), NOISE);
                (day == 14 ? firstDay : new ArrayList<SurgeDetector.Surge>()).addAll(surges);
            }
        }
        assertThat(firstDay).as("the first morning, with no history").hasSize(1);

        List<SurgeDetector.Surge> today = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            today.addAll(observe(START.plus(Duration.ofMinutes(5L * i)), NOISE));
        }
        assertThat(today).isEmpty();
    }

    @Test
    void shouldNotRaiseMessagesSpreadOverMoreThanTheWindow() {
        for (int i = 0; i < 12; i++) {
            assertThat(observe(START.plus(Duration.ofMinutes(13L * i)), PARKING)).isEmpty();
        }
    }

    @Test
    void shouldRaiseANewSurgeAfterAWindowWithoutOne() {
        List<SurgeDetector.Surge> surges = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            surges.addAll(observe(START.plus(Duration.ofMinutes(i)), PARKING));
        }
        for (int i = 0; i < 6; i++) {
            surges.addAll(observe(START.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(i)), PARKING));
        }

        assertThat(surges).hasSize(2);
        assertThat(surges.get(0).surgeId()).isNotEqualTo(surges.get(1).surgeId());
    }

    private List<SurgeDetector.Surge> observe(Instant at, SurgeDetector.Subject... subjects) {
        return detector.observe(new SurgeDetector.Observation("m-" + ++ids, at, "housing", List.of(subjects)));
    }
}
