package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.enquirytriage.triage.casework.CaseFixtures.POLICY;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;

import java.time.Duration;
import java.time.Instant;

import org.enquirytriage.events.CaseAccepted;
import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.events.CaseAssigned;
import org.enquirytriage.events.CaseClosed;
import org.enquirytriage.events.CaseEscalated;
import org.enquirytriage.events.CaseEvent;
import org.enquirytriage.events.CaseExtended;
import org.enquirytriage.events.CaseMerged;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.CaseReclassified;
import org.enquirytriage.events.CaseReopened;
import org.enquirytriage.events.CaseResolved;
import org.enquirytriage.events.CaseTransferred;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.events.SlaBreached;
import org.enquirytriage.events.SlaClock;
import org.enquirytriage.events.SlaWarning;
import org.enquirytriage.triage.sla.SlaAlert;
import org.junit.jupiter.api.Test;

/** The steps of a case's life and the rules that guard them, without Spring. */
class CaseTests {

    private static final String DESK = "triage-desk";
    private static final Instant MONDAY = shanghai("2026-03-09T10:00");

    private final Actor housing = Actor.staff("wang", "housing");
    private final Actor transport = Actor.staff("li", "transport");
    private final Actor desk = Actor.staff("zhao", DESK);
    private final Actor supervisor = Actor.supervisor("chen");

    @Test
    void shouldOpenACaseRoutedWithItsDeadlinesAndRaiseCaseOpened() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);

        assertThat(c.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(c.history()).extracting(HistoryEntry::action).containsExactly("OPENED", "ROUTED");
        assertThat(c.clocks().firstResponseDue()).isEqualTo(shanghai("2026-03-11T10:00"));
        assertThat(c.clocks().resolutionDue()).isEqualTo(shanghai("2026-03-26T10:00"));
        assertThat(c.clocks().nextDue()).isEqualTo(c.clocks().firstResponseDue());
        assertThat(only(c, CaseOpened.class).department()).isEqualTo("housing");
    }

    @Test
    void shouldStopTheFirstResponseClockWhenTheDepartmentAccepts() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);

        c.accept(housing, MONDAY.plus(Duration.ofHours(2)));

        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.clocks().firstResponse().running()).isFalse();
        assertThat(c.clocks().firstResponse().onTime()).isTrue();
        assertThat(c.clocks().nextDue()).isEqualTo(c.clocks().resolutionDue());
        assertThat(only(c, CaseAccepted.class).by()).isEqualTo("wang");
        assertThat(c.history()).last().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("wang");
            assertThat(entry.action()).isEqualTo("ACCEPTED");
        });
    }

    @Test
    void shouldNotLetStaffOfAnotherDepartmentActOnACase() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);

        assertThatThrownBy(() -> c.accept(transport, MONDAY)).isInstanceOf(CaseNotFoundException.class);
        assertThat(c.status()).isEqualTo(CaseStatus.ROUTED);
    }

    @Test
    void shouldAnswerEveryEnquiryOfTheCaseAndProposeTheFirstAsQaCandidate() {
        Case c = accepted();
        c.absorb(merged("enquiry-2"), Actor.TRIAGE_SERVICE, "same citizen", MONDAY);

        c.answer(housing, "施工已于22时前停止。", true, MONDAY.plusSeconds(60));

        assertThat(c.status()).isEqualTo(CaseStatus.ANSWERED);
        assertThat(c.raisedEvents()).filteredOn(CaseAnswered.class::isInstance).map(CaseAnswered.class::cast)
                .extracting(CaseAnswered::enquiryId, CaseAnswered::qaCandidate)
                .containsExactly(tuple("case-1", true),
                        tuple("enquiry-2", false));
        assertThat(c.answers()).singleElement().satisfies(answer -> assertThat(answer.qaCandidate()).isTrue());
    }

    @Test
    void shouldSendAMisroutedCaseBackToTheTriageDeskWithinTheTransferWindow() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);

        c.transfer(housing, "不属于本部门职责", DESK, POLICY, shanghai("2026-03-11T09:59"));

        assertThat(c.status()).isEqualTo(CaseStatus.TRANSFERRED);
        assertThat(c.department()).isEqualTo(DESK);
        CaseTransferred transferred = only(c, CaseTransferred.class);
        assertThat(transferred.fromDepartment()).isEqualTo("housing");
        assertThat(transferred.toDepartment()).isEqualTo(DESK);
        assertThat(transferred.reason()).isEqualTo("不属于本部门职责");
        assertThat(c.history()).last().extracting(HistoryEntry::reason).isEqualTo("不属于本部门职责");
    }

    @Test
    void shouldRefuseATransferAfterTheWindowOrWithoutAReason() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);

        assertThatThrownBy(() -> c.transfer(housing, "不属于本部门职责", DESK, POLICY, shanghai("2026-03-11T10:01")))
                .isInstanceOf(CaseRuleException.class)
                .hasMessageContaining("the transfer window ended at 2026-03-11T02:00:00Z");
        assertThatThrownBy(() -> c.transfer(housing, " ", DESK, POLICY, MONDAY))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("a reason");
        assertThat(c.status()).isEqualTo(CaseStatus.ROUTED);
    }

    @Test
    void shouldLetTheTriageDeskOrASupervisorRerouteWithFreshDeadlinesButNotTheDepartment() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        c.transfer(housing, "不属于本部门职责", DESK, POLICY, MONDAY);
        Instant tuesday = shanghai("2026-03-10T10:00");

        assertThatThrownBy(() -> c.reroute(housing, "transport", "x", DESK, POLICY, tuesday))
                .isInstanceOf(CaseNotFoundException.class);
        c.reroute(desk, "transport", "交通问题", DESK, POLICY, tuesday);

        assertThat(c.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(c.department()).isEqualTo("transport");
        assertThat(c.routedAt()).isEqualTo(tuesday);
        assertThat(c.clocks().firstResponseDue()).isEqualTo(shanghai("2026-03-12T10:00"));
        CaseAssigned assigned = only(c, CaseAssigned.class);
        assertThat(assigned.department()).isEqualTo("transport");
        assertThat(assigned.resolutionDue()).isEqualTo(c.clocks().resolutionDue());
        assertThatThrownBy(() -> c.reroute(transport, "housing", "x", DESK, POLICY, tuesday))
                .isInstanceOf(ActionForbiddenException.class);
        c.reroute(supervisor, "housing", "督办改派", DESK, POLICY, tuesday);
        assertThat(c.department()).isEqualTo("housing");
    }

    @Test
    void shouldAskForAnExtensionThatOnlyASupervisorApprovesAndMoveTheResolutionDeadline() {
        Case c = accepted();
        Instant due = c.clocks().resolutionDue();

        assertThatThrownBy(() -> c.requestExtension(housing, 11, "需要现场勘查", POLICY, MONDAY))
                .isInstanceOf(CaseRuleException.class).hasMessageContaining("from 1 to 10 working days");
        c.requestExtension(housing, 5, "需要现场勘查", POLICY, MONDAY);
        assertThat(c.status()).isEqualTo(CaseStatus.EXTENSION_REQUESTED);
        assertThat(c.raisedEvents()).noneMatch(CaseExtended.class::isInstance);
        assertThat(c.history()).last().extracting(HistoryEntry::action).isEqualTo("EXTENSION_REQUESTED");
        assertThatThrownBy(() -> c.approveExtension(housing, null, POLICY, MONDAY))
                .isInstanceOf(ActionForbiddenException.class);

        c.approveExtension(supervisor, "同意", POLICY, MONDAY);

        assertThat(c.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(c.clocks().resolutionDue()).isEqualTo(CaseFixtures.POLICY.extended(
                CaseFixtures.routedCase("x", "housing", MONDAY).clocks().resolution(), 5, MONDAY).dueAt()).isAfter(due);
        CaseExtended extended = only(c, CaseExtended.class);
        assertThat(extended.workingDays()).isEqualTo(5);
        assertThat(extended.approvedBy()).isEqualTo("chen");
        assertThat(c.pendingExtension()).isEmpty();
    }

    @Test
    void shouldGoBackToWhereTheCaseWasWhenAnExtensionIsRefused() {
        Case c = accepted();
        c.answer(housing, "已答复", false, MONDAY);
        c.reopen(Actor.CITIZEN, "不满意", POLICY, MONDAY);
        c.requestExtension(housing, 3, "需要协调", POLICY, MONDAY);
        Instant due = c.clocks().resolutionDue();

        c.refuseExtension(supervisor, "时限内可办结", MONDAY);

        assertThat(c.status()).isEqualTo(CaseStatus.REOPENED);
        assertThat(c.clocks().resolutionDue()).isEqualTo(due);
        assertThat(c.history()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("EXTENSION_REFUSED");
            assertThat(entry.reason()).isEqualTo("时限内可办结");
        });
    }

    @Test
    void shouldCloseAResolvedCaseTheCitizenIsSatisfiedWithAndCountARatingOnce() {
        Case c = accepted();
        c.answer(housing, "已处理", false, MONDAY);
        c.resolve(housing, null, MONDAY);
        assertThat(c.clocks().resolution().onTime()).isTrue();
        Rating satisfied = new Rating("event-1", MONDAY, "case-1", Satisfaction.SATISFIED, null);

        assertThat(c.rate(satisfied, POLICY, MONDAY)).isTrue();
        assertThat(c.rate(satisfied, POLICY, MONDAY)).isFalse();

        assertThat(c.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(c.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(c.ratings()).hasSize(1);
        assertThat(only(c, CaseResolved.class).by()).isEqualTo("wang");
        assertThat(only(c, CaseClosed.class).reason()).contains("satisfied");
    }

    @Test
    void shouldReopenACaseTheCitizenIsNotSatisfiedWithWithAFreshResolutionClock() {
        Case c = accepted();
        c.answer(housing, "已处理", false, MONDAY);
        c.resolve(housing, null, MONDAY);
        c.close(supervisor, "已办结", MONDAY);
        Instant later = shanghai("2026-03-16T11:00");

        c.rate(new Rating("event-2", later, "case-1", Satisfaction.DISSATISFIED, "没解决"), POLICY, later);

        assertThat(c.status()).isEqualTo(CaseStatus.REOPENED);
        assertThat(c.clocks().resolution().running()).isTrue();
        assertThat(c.clocks().resolution().startedAt()).isEqualTo(later);
        assertThat(c.clocks().resolutionDue()).isEqualTo(shanghai("2026-04-02T11:00"));
        assertThat(only(c, CaseReopened.class).reason()).contains("not satisfied");
    }

    @Test
    void shouldRecountRunningClocksWhenStaffReclassifyACaseAsUrgent() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);

        c.reclassify(housing, CaseFixtures.classification(EnquiryKind.PROBLEM_REPORT, Priority.URGENT), "燃气泄漏",
                POLICY, MONDAY.plusSeconds(60));

        assertThat(c.clocks().firstResponseDue()).isEqualTo(MONDAY.plus(Duration.ofMinutes(30)));
        assertThat(c.clocks().resolutionDue()).isEqualTo(MONDAY.plus(Duration.ofHours(24)));
        CaseReclassified reclassified = only(c, CaseReclassified.class);
        assertThat(reclassified.classification().priority()).isEqualTo(Priority.URGENT);
        assertThat(reclassified.reason()).isEqualTo("燃气泄漏");
    }

    @Test
    void shouldTakeARepeatOnAndSplitItOffAgainButNeverTheCasesOwnEnquiry() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        c.absorb(merged("enquiry-2"), Actor.TRIAGE_SERVICE, "same citizen", MONDAY);

        assertThat(c.enquiryIds()).containsExactly("case-1", "enquiry-2");
        assertThat(only(c, CaseMerged.class).mergedEnquiryId()).isEqualTo("enquiry-2");
        assertThatThrownBy(() -> c.absorb(merged("enquiry-2"), Actor.TRIAGE_SERVICE, "again", MONDAY))
                .isInstanceOf(CaseRuleException.class);
        assertThatThrownBy(() -> c.split(housing, "case-1", "wrong", MONDAY)).isInstanceOf(CaseRuleException.class)
                .hasMessageContaining("is the one case case-1 was opened from");

        MergedEnquiry split = c.split(housing, "enquiry-2", "不是同一问题", MONDAY);

        assertThat(split.subject()).isEqualTo("另一件事");
        assertThat(c.enquiryIds()).containsExactly("case-1");
        assertThat(c.history()).last().extracting(HistoryEntry::action).isEqualTo("SPLIT");
    }

    @Test
    void shouldRaiseEachWarningBreachAndEscalationOnceAndOnlyWhileTheClockRuns() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        Instant due = c.clocks().firstResponseDue();

        assertThat(alert(c, SlaClock.FIRST_RESPONSE, SlaAlert.Kind.WARNING,
                c.clocks().firstResponse().warnAt().minusSeconds(1)))
                .isFalse();
        assertThat(alert(c, SlaClock.FIRST_RESPONSE, SlaAlert.Kind.WARNING, c.clocks().firstResponse().warnAt()))
                .isTrue();
        assertThat(alert(c, SlaClock.FIRST_RESPONSE, SlaAlert.Kind.WARNING, due)).isFalse();
        assertThat(alert(c, SlaClock.FIRST_RESPONSE, SlaAlert.Kind.BREACH, due)).isTrue();
        assertThat(alert(c, SlaClock.FIRST_RESPONSE, SlaAlert.Kind.BREACH, due.plusSeconds(1))).isFalse();
        assertThat(c.clocks().escalationLevel()).isEqualTo(1);
        assertThat(c.clocks().overdueAt(due.plusSeconds(1))).isTrue();
        Instant nextDay = POLICY.escalateAgainAt(due);
        assertThat(alert(c, SlaClock.FIRST_RESPONSE, SlaAlert.Kind.ESCALATION, nextDay.minusSeconds(1))).isFalse();
        assertThat(alert(c, SlaClock.FIRST_RESPONSE, SlaAlert.Kind.ESCALATION, nextDay)).isTrue();
        assertThat(alert(c, SlaClock.FIRST_RESPONSE, SlaAlert.Kind.ESCALATION, nextDay.plus(Duration.ofDays(30))))
                .isFalse();

        assertThat(c.raisedEvents()).filteredOn(SlaWarning.class::isInstance).hasSize(1);
        assertThat(c.raisedEvents()).filteredOn(SlaBreached.class::isInstance).hasSize(1);
        assertThat(c.raisedEvents()).filteredOn(CaseEscalated.class::isInstance).map(CaseEscalated.class::cast)
                .extracting(CaseEscalated::level).containsExactly(1, 2);
        c.accept(housing, nextDay);
        assertThat(c.clocks().escalationLevel()).isZero();
        assertThat(c.clocks().firstResponse().onTime()).isFalse();
        assertThat(alert(c, SlaClock.RESOLUTION, SlaAlert.Kind.WARNING, MONDAY)).isFalse();
    }

    private Case accepted() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        c.accept(housing, MONDAY);
        return c;
    }

    private static MergedEnquiry merged(String id) {
        return new MergedEnquiry(id, "wechat", "另一件事", "同一工地又在施工", "430103", "c1f4e2", MONDAY);
    }

    private static <T extends CaseEvent> T only(Case c, Class<T> type) {
        return c.raisedEvents().stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> {
            throw new AssertionError("More than one " + type.getSimpleName());
        }).orElseThrow(() -> new AssertionError("No " + type.getSimpleName()));
    }

    /** Raises the alert of a kind on a clock of a case, as the SLA watcher does, if it is due. */
    private static boolean alert(Case c, SlaClock clock, SlaAlert.Kind kind, Instant now) {
        return c.raise(c.clocks().due(clock, kind, POLICY, 0.75, now), now);
    }
}
