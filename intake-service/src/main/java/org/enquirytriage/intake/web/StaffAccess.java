package org.enquirytriage.intake.web;

import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;

/** The role checks of intake's staff endpoints, answered 403 problem+json when they fail. */
public final class StaffAccess {

    private StaffAccess() {
    }

    /**
     * @throws AccessRefusedException unless the caller is a supervisor or an administrator
     */
    public static void requireSupervisor(StaffMember caller, String what) {
        if (caller == null || !(caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN))) {
            throw new AccessRefusedException("Only a supervisor or an administrator may " + what + ".");
        }
    }

    /**
     * @throws AccessRefusedException unless the caller may act for the department (its staff, supervisors, admins)
     */
    public static void requireDepartment(StaffMember caller, String department, String what) {
        if (caller == null || !caller.mayActFor(department)) {
            throw new AccessRefusedException("Only staff of " + department + ", supervisors and administrators may "
                    + what + ".");
        }
    }
}
