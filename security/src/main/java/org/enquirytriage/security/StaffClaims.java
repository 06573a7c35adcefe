package org.enquirytriage.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JWT claims that carry a {@link StaffMember}: {@code sub}, {@code name}, {@code roles} (array),
 * {@code department} and, for channel adapters, {@code channel}; the gateway writes them and the services read them.
 */
public final class StaffClaims {

    public static final String SUBJECT = "sub";
    public static final String NAME = "name";
    public static final String ROLES = "roles";
    public static final String DEPARTMENT = "department";
    public static final String CHANNEL = "channel";

    private static final String PREFERRED_USERNAME = "preferred_username";

    private StaffClaims() {
    }

    /** The caller the claims describe; role names that are not a {@link Role} are ignored. */
    public static StaffMember toStaffMember(Map<String, Object> claims) {
        String subject = text(claims.get(SUBJECT));
        String name = text(claims.get(NAME));
        if (name == null) {
            name = text(claims.get(PREFERRED_USERNAME));
        }
        return new StaffMember(subject, name != null ? name : subject, roles(claims.get(ROLES)),
                text(claims.get(DEPARTMENT)), text(claims.get(CHANNEL)));
    }

    /** The claims (without issuer and times) that describe the caller. */
    public static Map<String, Object> of(StaffMember member) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(SUBJECT, member.id());
        claims.put(NAME, member.name());
        List<String> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (member.has(role)) {
                roles.add(role.name());
            }
        }
        claims.put(ROLES, roles);
        if (member.department() != null) {
            claims.put(DEPARTMENT, member.department());
        }
        if (member.channel() != null) {
            claims.put(CHANNEL, member.channel());
        }
        return claims;
    }

    private static Set<Role> roles(Object value) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (value instanceof Collection<?> names) {
            names.forEach(name -> addRole(roles, name));
        } else if (value instanceof String names) {
            for (String name : names.split("[,\\s]+")) {
                addRole(roles, name);
            }
        }
        return roles;
    }

    private static void addRole(Set<Role> roles, Object name) {
        String text = text(name);
        if (text == null) {
            return;
        }
        for (Role role : Role.values()) {
            if (role.name().equalsIgnoreCase(text)) {
                roles.add(role);
            }
        }
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
