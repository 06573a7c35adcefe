package org.enquirytriage.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WorkOrderTimesTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void shouldReadLocalTimesInTheHotlinesZone() {
        Instant expected = Instant.parse("2026-03-02T01:29:00Z");

        assertThat(WorkOrderTimes.parse("2026-03-02 09:29:00", SHANGHAI)).contains(expected);
        assertThat(WorkOrderTimes.parse("2026-03-02 09:29", SHANGHAI)).contains(expected);
        assertThat(WorkOrderTimes.parse("2026/3/2 9:29", SHANGHAI)).contains(expected);
        assertThat(WorkOrderTimes.parse("2026-03-02T09:29:00", SHANGHAI)).contains(expected);
        assertThat(WorkOrderTimes.parse("2026-03-02", SHANGHAI)).contains(Instant.parse("2026-03-01T16:00:00Z"));
    }

    @Test
    void shouldReadTimesWithAnOffsetAsTheyAre() {
        assertThat(WorkOrderTimes.parse("2026-03-02T09:29:00+08:00", SHANGHAI))
                .contains(Instant.parse("2026-03-02T01:29:00Z"));
        assertThat(WorkOrderTimes.parse("2026-03-02T01:29:00.5Z", SHANGHAI))
                .contains(Instant.parse("2026-03-02T01:29:00.500Z"));
    }

    @Test
    void shouldFindNoTimeInSomethingElse() {
        assertThat(WorkOrderTimes.parse("yesterday", SHANGHAI)).isEmpty();
        assertThat(WorkOrderTimes.parse("2026-02-30 10:00", SHANGHAI)).isEmpty();
        assertThat(WorkOrderTimes.parse("2026-03-02 25:00", SHANGHAI)).isEmpty();
    }
}
