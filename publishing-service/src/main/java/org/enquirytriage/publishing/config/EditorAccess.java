package org.enquirytriage.publishing.config;

import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;

/** The role checks of the service: editorial work for editors, surge responses for supervisors (and admins). */
public final class EditorAccess {

    private EditorAccess() {
    }

    /**
     * Refuses with 403 anyone who is neither an editor nor an administrator.
     *
     * @return the caller, who may do editorial work
     */
    public static StaffMember require(StaffMember caller) {
        if (caller == null || !(caller.has(Role.EDITOR) || caller.has(Role.ADMIN))) {
            throw new AccessRefusedException("Only editors and administrators may do this");
        }
        return caller;
    }

    /**
     * Refuses with 403 anyone who is neither a supervisor nor an administrator: the surge responses are theirs.
     *
     * @return the caller, who may act on surges
     */
    public static StaffMember requireSupervisor(StaffMember caller) {
        if (caller == null || !(caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN))) {
            throw new AccessRefusedException("Only supervisors and administrators may do this");
        }
        return caller;
    }
}
