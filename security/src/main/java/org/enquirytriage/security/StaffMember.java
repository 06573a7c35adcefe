package org.enquirytriage.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * The authenticated caller of a service: a member of staff (with a department when they handle cases) or a channel
 * adapter (role {@link Role#CHANNEL} with the channel it may post as).
 *
 * @param id         the token's subject: the user id, or the API key id for a channel adapter
 * @param name       the display name
 * @param roles      the roles the token grants
 * @param department the department a {@link Role#STAFF} member works for, or {@code null}
 * @param channel    the channel a {@link Role#CHANNEL} caller may post as, or {@code null}
 */
public record StaffMember(String id, String name, Set<Role> roles, String department, String channel) {

    public StaffMember {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A member of staff, who posts as no channel. */
    public StaffMember(String id, String name, Set<Role> roles, String department) {
        this(id, name, roles, department, null);
    }

    /** Whether the token grants this role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether this caller may see and act on cases of the department: supervisors and admins for every department,
     * staff only for their own.
     */
    public boolean mayActFor(String caseDepartment) {
        if (has(Role.SUPERVISOR) || has(Role.ADMIN)) {
            return true;
        }
        return has(Role.STAFF) && department != null && department.equals(caseDepartment);
    }

    /** Whether this caller is a channel adapter that may post enquiries as the channel. */
    public boolean mayPostAs(String enquiryChannel) {
        return has(Role.CHANNEL) && channel != null && channel.equals(enquiryChannel);
    }
}
