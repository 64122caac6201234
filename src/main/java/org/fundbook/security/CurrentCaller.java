package org.fundbook.security;

import org.fundbook.platform.ActingUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request: the name kept as {@code recordedBy} on events, and what it may see. */
@Component
public class CurrentCaller implements ActingUser {

    /** The name recorded when no user is authenticated (start-up tasks, the demo seed). */
    public static final String SYSTEM = "system";

    @Override
    public String username() {
        FundbookUser user = user();
        return user == null ? SYSTEM : user.username();
    }

    public CallerScope scope() {
        FundbookUser user = user();
        return user == null ? CallerScope.ALL : user.scope();
    }

    public boolean isAdmin() {
        FundbookUser user = user();
        return user != null && user.role() == Role.ADMIN;
    }

    /** Audit reads and reports: ADMIN, ACCOUNTANT and LEADER (and start-up tasks, which have no user). */
    public boolean mayAudit() {
        FundbookUser user = user();
        return user == null || user.role() != Role.CASHIER;
    }

    private static FundbookUser user() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof FundbookUser user ? user : null;
    }
}
