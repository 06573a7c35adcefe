package org.enquirytriage.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authentication whose principal is the {@link StaffMember} the verified token describes. */
final class StaffAuthenticationToken extends AbstractAuthenticationToken {

    private final StaffMember staff;
    private final Jwt jwt;

    StaffAuthenticationToken(StaffMember staff, Jwt jwt) {
        super(staff.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.staff = staff;
        this.jwt = jwt;
        setAuthenticated(true);
    }

    static StaffAuthenticationToken from(Jwt jwt) {
        return new StaffAuthenticationToken(StaffClaims.toStaffMember(jwt.getClaims()), jwt);
    }

    @Override
    public StaffMember getPrincipal() {
        return staff;
    }

    @Override
    public Jwt getCredentials() {
        return jwt;
    }

    @Override
    public String getName() {
        return staff.id();
    }
}
