package org.fundbook.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A login as stored: the password only as its adaptive hash. */
public record FundbookUser(String username, String passwordHash, Role role, Set<UUID> groups, Set<String> provinces,
                           int failedAttempts, Instant lockedUntil, boolean enabled) implements UserDetails {

    public FundbookUser {
        groups = Set.copyOf(groups);
        provinces = Set.copyOf(provinces);
    }

    public CallerScope scope() {
        return switch (role) {
            case ADMIN -> CallerScope.ALL;
            case ACCOUNTANT -> new CallerScope(false, Set.of(), provinces);
            case LEADER, CASHIER -> new CallerScope(false, groups, Set.of());
        };
    }

    /**
     * The login as a request's principal holds it: without the password's hash, which then never reaches a page
     * session's stored attributes.
     */
    public FundbookUser withoutPassword() {
        return new FundbookUser(username, "", role, groups, provinces, failedAttempts, lockedUntil, enabled);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "FundbookUser[" + username + ", " + role + "]";
    }
}
