package org.enquirytriage.triage.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentEventIdsTests {

    @Test
    void shouldTellARedeliveredEventFromANewOne() {
        RecentEventIds ids = new RecentEventIds(2);

        assertThat(ids.firstTime("e-1")).isTrue();
        assertThat(ids.firstTime("e-1")).isFalse();
        assertThat(ids.firstTime("e-2")).isTrue();
    }

    @Test
    void shouldForgetTheOldestBeyondItsCapacity() {
        RecentEventIds ids = new RecentEventIds(2);
        ids.firstTime("e-1");
        ids.firstTime("e-2");
        ids.firstTime("e-3");

        assertThat(ids.firstTime("e-1")).isTrue();
        assertThat(ids.firstTime("e-3")).isFalse();
    }
}
