package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.triage.casework.CaseFixtures.POLICY;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;

import java.time.Instant;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.junit.jupiter.api.Test;

/** The history of a case and the words it uses, without a case around it. */
class CaseHistoryTests {

    private static final Instant MONDAY = shanghai("2026-03-09T10:00");

    @Test
    void shouldAddStepsInTheOrderTakenAndLeaveTheEarlierHistoryAsItWas() {
        CaseHistory opened = CaseHistory.empty().with(Actor.TRIAGE_SERVICE, "OPENED", "Opened", null, MONDAY);

        CaseHistory accepted = opened.with(Actor.staff("wang", "housing"), "ACCEPTED", "First response", "到场",
                MONDAY.plusSeconds(60));

        assertThat(opened.entries()).hasSize(1);
        assertThat(accepted.entries()).containsExactly(
                new HistoryEntry(MONDAY, Actor.TRIAGE_SERVICE.id(), "OPENED", "Opened", null),
                new HistoryEntry(MONDAY.plusSeconds(60), "wang", "ACCEPTED", "First response", "到场"));
    }

    @Test
    void shouldReadAStoredCaseWithoutHistoryAsAnEmptyOne() {
        assertThat(new CaseHistory(null).entries()).isEmpty();
    }

    @Test
    void shouldDescribeAClassificationWithTheModelVersionThatChoseIt() {
        Classification classification = CaseFixtures.classification(EnquiryKind.HELP_REQUEST, Priority.URGENT);

        assertThat(CaseHistory.describe(classification))
                .isEqualTo("HELP_REQUEST, topic 环境保护, priority URGENT (topic-2026.03.01)");
    }

    @Test
    void shouldWordTheDeadlinesOfARouting() {
        var deadlines = POLICY.deadlines(CaseFixtures.classification(EnquiryKind.PROBLEM_REPORT, Priority.NORMAL),
                MONDAY);

        assertThat(CaseHistory.dues(deadlines)).isEqualTo("; first response due " + deadlines.firstResponseDue()
                + ", resolution due " + deadlines.resolutionDue());
    }
}
