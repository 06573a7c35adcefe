package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Who may act on a case, and what only a supervisor may do. */
class ActorTests {

    private final Actor housing = Actor.staff("wang", "housing");
    private final Actor supervisor = Actor.supervisor("chen");

    @Test
    void shouldLetStaffActOnTheirDepartmentsCasesOnlyAndSupervisorsOnAll() {
        assertThatCode(() -> housing.requireMayActFor("housing", "case-1")).doesNotThrowAnyException();
        assertThatCode(() -> supervisor.requireMayActFor("transport", "case-1")).doesNotThrowAnyException();

        assertThatThrownBy(() -> housing.requireMayActFor("transport", "case-1"))
                .isInstanceOf(CaseNotFoundException.class).hasMessageContaining("case-1");
        assertThatThrownBy(() -> Actor.staff("li", null).requireMayActFor(null, "case-2"))
                .isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void shouldLetOnlySupervisorsTakeTheirActions() {
        assertThatCode(() -> supervisor.requireSupervisor("close a case", "case-1")).doesNotThrowAnyException();

        assertThatThrownBy(() -> housing.requireSupervisor("close a case", "case-1"))
                .isInstanceOf(ActionForbiddenException.class)
                .hasMessage("Only a supervisor may close a case (case case-1)");
        assertThatThrownBy(() -> Actor.CITIZEN.requireSupervisor("approve an extension", "case-1"))
                .isInstanceOf(ActionForbiddenException.class);
    }
}
