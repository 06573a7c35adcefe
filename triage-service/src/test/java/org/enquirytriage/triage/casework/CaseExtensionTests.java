package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enquirytriage.triage.casework.CaseFixtures.POLICY;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;

import java.time.Instant;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.triage.sla.CaseClocks;
import org.junit.jupiter.api.Test;

/** The rules of an extension asked for (延期), without a case around it. */
class CaseExtensionTests {

    private static final Instant MONDAY = shanghai("2026-03-09T10:00");

    @Test
    void shouldKeepTheRequestAndTheStatusTheCaseGoesBackTo() {
        ExtensionRequest request = new ExtensionRequest(MONDAY, "wang", 3, "现场勘查需要更多时间");

        CaseExtension extension = CaseExtension.requested(request, CaseStatus.ACCEPTED, POLICY);

        assertThat(extension.request()).contains(request);
        assertThat(extension.resumeStatus()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(extension.workingDays()).isEqualTo(3);
    }

    @Test
    void shouldAllowFromOneWorkingDayToThePolicysLongestExtension() {
        int longest = POLICY.maxExtensionDays();

        assertThat(CaseExtension.requested(request(1), CaseStatus.ACCEPTED, POLICY).workingDays()).isEqualTo(1);
        assertThat(CaseExtension.requested(request(longest), CaseStatus.ACCEPTED, POLICY).workingDays())
                .isEqualTo(longest);
        assertThatThrownBy(() -> CaseExtension.requested(request(0), CaseStatus.ACCEPTED, POLICY))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("asked for 0");
        assertThatThrownBy(() -> CaseExtension.requested(request(longest + 1), CaseStatus.ACCEPTED, POLICY))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("from 1 to " + longest);
    }

    @Test
    void shouldMoveOnlyTheResolutionDeadlineByTheWorkingDaysAskedFor() {
        CaseClocks clocks = POLICY.deadlines(CaseFixtures.classification(EnquiryKind.PROBLEM_REPORT,
                Priority.NORMAL), MONDAY);
        CaseExtension extension = CaseExtension.requested(request(2), CaseStatus.ACCEPTED, POLICY);

        CaseClocks granted = extension.granted(clocks, POLICY, MONDAY);

        assertThat(granted.firstResponse()).isEqualTo(clocks.firstResponse());
        assertThat(granted.resolutionDue()).isEqualTo(POLICY.extended(clocks.resolution(), 2, MONDAY).dueAt())
                .isAfter(clocks.resolutionDue());
    }

    @Test
    void shouldHaveNothingToGrantWhenNoneIsAskedFor() {
        assertThat(CaseExtension.NONE.request()).isEmpty();
        assertThat(CaseExtension.NONE.resumeStatus()).isNull();
        assertThatThrownBy(CaseExtension.NONE::workingDays).isInstanceOf(IllegalStateException.class);
    }

    private static ExtensionRequest request(int workingDays) {
        return new ExtensionRequest(MONDAY, "wang", workingDays, "需要协调其他部门");
    }
}
