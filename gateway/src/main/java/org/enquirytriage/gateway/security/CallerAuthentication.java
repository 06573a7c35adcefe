package org.enquirytriage.gateway.security;

import org.enquirytriage.security.StaffMember;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated caller of the gateway: a member of staff (bearer token) or a channel (API key). */
final class CallerAuthentication extends AbstractAuthenticationToken {

    private final StaffMember caller;
    private final Object credentials;

    CallerAuthentication(StaffMember caller, Object credentials) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.caller = caller;
        this.credentials = credentials;
        setAuthenticated(true);
    }

    @Override
    public StaffMember getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return credentials;
    }

    @Override
    public String getName() {
        return caller.id();
    }
}
