package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Merging one case into another (并单), the rules that concern both cases, without Spring. */
class CaseMergingTests {

    private static final Instant MONDAY = shanghai("2026-03-09T10:00");

    private final Actor housing = Actor.staff("wang", "housing");
    private final Actor supervisor = Actor.supervisor("chen");

    @Test
    void shouldHandTheCaseAndTheEnquiriesMergedIntoItToTheOther() {
        Case target = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        Case source = CaseFixtures.routedCase("case-2", "housing", MONDAY);
        source.absorb(MergedEnquiry.of(CaseFixtures.enquiry("enquiry-9"), MONDAY), Actor.TRIAGE_SERVICE,
                "same citizen", MONDAY);

        assertThat(CaseMerging.merge(source, target, housing, "同一工地", MONDAY.plusSeconds(60)))
                .extracting(MergedEnquiry::enquiryId).containsExactly("case-2", "enquiry-9");

        assertThat(target.enquiryIds()).containsExactly("case-1", "case-2", "enquiry-9");
        assertThat(target.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(source.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(source.enquiries().mergedInto()).isEqualTo("case-1");
        assertThat(source.enquiries().mergedEnquiries()).isEmpty();
        assertThat(source.clocks().nextDue()).isNull();
    }

    @Test
    void shouldRefuseToMergeACaseIntoItself() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);

        assertThatThrownBy(() -> CaseMerging.merge(c, c, housing, "同一工地", MONDAY))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("cannot be merged into itself");
        assertThat(c.status()).isEqualTo(CaseStatus.ROUTED);
    }

    @Test
    void shouldNotShowTheOtherCaseToStaffOfAnotherDepartment() {
        Case target = CaseFixtures.routedCase("case-1", "transport", MONDAY);
        Case source = CaseFixtures.routedCase("case-2", "housing", MONDAY);

        assertThatThrownBy(() -> CaseMerging.merge(source, target, housing, "同一工地", MONDAY))
                .isInstanceOf(CaseNotFoundException.class).hasMessageContaining("case-1");
        assertThat(source.status()).isEqualTo(CaseStatus.ROUTED);

        CaseMerging.merge(source, target, supervisor, "同一工地", MONDAY);
        assertThat(target.enquiryIds()).containsExactly("case-1", "case-2");
    }

    @Test
    void shouldLeaveTheCaseAsItWasWhenTheOtherCannotTakeItsEnquiriesOn() {
        Case target = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        Case mergedAlready = CaseFixtures.routedCase("case-2", "housing", MONDAY);
        Case source = CaseFixtures.routedCase("case-3", "housing", MONDAY);
        CaseMerging.merge(mergedAlready, target, housing, "同一工地", MONDAY);

        assertThatThrownBy(() -> CaseMerging.merge(source, mergedAlready, housing, "同一工地", MONDAY))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(source.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(source.history()).extracting(HistoryEntry::action).containsExactly("OPENED", "ROUTED");
        assertThat(mergedAlready.enquiryIds()).containsExactly("case-2");
    }
}
