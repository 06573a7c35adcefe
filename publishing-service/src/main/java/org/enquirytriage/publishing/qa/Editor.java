package org.enquirytriage.publishing.qa;

import org.enquirytriage.security.StaffMember;

/**
 * Who does editorial work: an editor, an administrator, or the service itself.
 *
 * @param id the token's subject, or {@code system}
 */
public record Editor(String id, String name) {

    public static final Editor SYSTEM = new Editor("system", "publishing-service");

    public static Editor of(StaffMember staff) {
        return new Editor(staff.id(), staff.name());
    }
}
