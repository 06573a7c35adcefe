package org.enquirytriage.triage.casework.web;

import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The caller of the staff API as the cases see them. */
final class StaffActor {

    private StaffActor() {
    }

    /**
     * The actor a member of staff is: supervisors and admins act for every department, staff for their own.
     *
     * @throws ErrorResponseException 403 for a caller who handles no cases (an editor, a channel adapter)
     */
    static Actor of(StaffMember staff) {
        if (staff.has(Role.SUPERVISOR) || staff.has(Role.ADMIN)) {
            return new Actor(staff.id(), staff.department(), true);
        }
        if (staff.has(Role.STAFF) && staff.department() != null) {
            return Actor.staff(staff.id(), staff.department());
        }
        throw forbidden("Cases are handled by staff of a department, supervisors and admins only");
    }

    /** The actor of a supervisor or an admin; anyone else is refused with 403. */
    static Actor supervisor(StaffMember staff) {
        Actor actor = of(staff);
        if (!actor.supervisor()) {
            throw forbidden("Only supervisors and admins may see this");
        }
        return actor;
    }

    static ErrorResponseException forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
