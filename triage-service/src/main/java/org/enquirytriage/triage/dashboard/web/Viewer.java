package org.enquirytriage.triage.dashboard.web;

import java.util.Optional;

import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.Actor;

/**
 * The member of staff looking at the dashboard, and the actor they are to the cases: supervisors and admins act for
 * every department, staff for their own.
 *
 * @param role the role the header shows: the broadest of the member's case-handling roles
 */
record Viewer(StaffMember member, Actor actor, Role role) {

    /** The viewer a member of staff is, empty for a role that handles no cases (an editor, a channel). */
    static Optional<Viewer> of(StaffMember member) {
        if (member == null) {
            return Optional.empty();
        }
        if (member.has(Role.ADMIN) || member.has(Role.SUPERVISOR)) {
            return Optional.of(new Viewer(member, new Actor(member.id(), member.department(), true),
                    member.has(Role.SUPERVISOR) ? Role.SUPERVISOR : Role.ADMIN));
        }
        if (member.has(Role.STAFF) && member.department() != null) {
            return Optional.of(new Viewer(member, Actor.staff(member.id(), member.department()), Role.STAFF));
        }
        return Optional.empty();
    }

    public boolean supervisor() {
        return actor.supervisor();
    }

    public String name() {
        return member.name() == null || member.name().isBlank() ? member.id() : member.name();
    }

    public String department() {
        return member.department();
    }
}
