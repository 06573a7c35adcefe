package org.enquirytriage.triage.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.CaseQuery;
import org.enquirytriage.triage.casework.CaseStatus;
import org.junit.jupiter.api.Test;

/** The queue's filters: the department is never the staff member's choice, and unknown values narrow nothing. */
class QueueFilterTests {

    private final Viewer clerk = Viewer.of(new StaffMember("housing", "Housing clerk", Set.of(Role.STAFF),
            "housing-construction")).orElseThrow();
    private final Viewer supervisor = Viewer.of(new StaffMember("supervisor", "Supervision office",
            Set.of(Role.SUPERVISOR), null)).orElseThrow();

    @Test
    void shouldShowStaffTheirOwnDepartmentWhateverTheyAskFor() {
        CaseQuery query = QueueFilter.of(Map.of("department", "transport")).query(clerk);

        assertThat(query.departments()).containsExactly("housing-construction");
        assertThat(QueueFilter.of(Map.of("department", "transport")).query(supervisor).departments())
                .containsExactly("transport");
        assertThat(QueueFilter.of(Map.of()).query(supervisor).departments()).isNull();
    }

    @Test
    void shouldShowTheCasesWaitingForTheDepartmentUnlessAskedOtherwise() {
        assertThat(QueueFilter.of(Map.of()).query(clerk).statuses()).doesNotContain(CaseStatus.ANSWERED)
                .contains(CaseStatus.ROUTED, CaseStatus.ACCEPTED, CaseStatus.REOPENED);
        assertThat(QueueFilter.of(Map.of("status", "open")).query(clerk).statuses()).isEqualTo(CaseStatus.OPEN);
        assertThat(QueueFilter.of(Map.of("status", "CLOSED")).query(clerk).statuses())
                .containsExactly(CaseStatus.CLOSED);
        assertThat(QueueFilter.of(Map.of("status", "SHREDDED")).status()).isEqualTo(QueueFilter.TO_DO);
    }

    @Test
    void shouldIgnoreValuesItDoesNotKnowAndKeepTheOthersInItsUrl() {
        QueueFilter filter = QueueFilter.of(Map.of("kind", "HELP_REQUEST", "priority", "VERY", "q", " 路灯 & 井盖 ",
                "page", "-3"));

        assertThat(filter.kind()).isEqualTo(EnquiryKind.HELP_REQUEST);
        assertThat(filter.priority()).isNull();
        assertThat(filter.search()).isEqualTo("路灯 & 井盖");
        assertThat(filter.page()).isZero();
        assertThat(filter.query(clerk).text()).isEqualTo("路灯 & 井盖");
        assertThat(filter.url("/dashboard/queue"))
                .isEqualTo("/dashboard/queue?kind=HELP_REQUEST&q=%E8%B7%AF%E7%81%AF+%26+%E4%BA%95%E7%9B%96");
        assertThat(QueueFilter.of(Map.of()).url("/dashboard/queue")).isEqualTo("/dashboard/queue");
        assertThat(Optional.of(filter.onPage(2).url("/dashboard"))).hasValueSatisfying(url ->
                assertThat(url).endsWith("&page=2"));
    }
}
