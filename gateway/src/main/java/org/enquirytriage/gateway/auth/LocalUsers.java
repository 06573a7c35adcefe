package org.enquirytriage.gateway.auth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.enquirytriage.gateway.GatewayProperties;
import org.enquirytriage.security.StaffMember;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** The users of the built-in login, from configuration ({@code gateway.auth.users}), with BCrypt password hashes. */
@Component
public class LocalUsers {

    private final Map<String, GatewayProperties.User> users;
    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
    // compared against when the username is unknown, so that a wrong name takes as long as a wrong password
    private final String unknownUserHash = encoder.encode(UUID.randomUUID().toString());

    LocalUsers(GatewayProperties properties) {
        this.users = properties.auth().users().stream()
                .collect(Collectors.toUnmodifiableMap(GatewayProperties.User::username, Function.identity()));
    }

    /** Whether the built-in login is enabled (users are configured). */
    public boolean enabled() {
        return !users.isEmpty();
    }

    /** The users, by username. */
    public Map<String, GatewayProperties.User> all() {
        return users;
    }

    /** The staff member with this username and password, if both are right. Slow by design (BCrypt). */
    Optional<StaffMember> authenticate(String username, String password) {
        GatewayProperties.User user = users.get(username);
        boolean matches = encoder.matches(password, user != null ? user.passwordHash() : unknownUserHash);
        if (user == null || !matches) {
            return Optional.empty();
        }
        return Optional.of(new StaffMember(user.username(), user.name() != null ? user.name() : user.username(),
                user.roles(), user.department()));
    }

    /** Whether the password is the user's. */
    public boolean hasPassword(GatewayProperties.User user, String password) {
        return encoder.matches(password, user.passwordHash());
    }
}
