package org.enquirytriage.publishing.config;

import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;

/** The role check of the editorial work: editors and administrators only. */
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
}
