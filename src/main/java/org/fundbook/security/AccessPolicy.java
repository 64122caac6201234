package org.fundbook.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UrlPathHelper;

/**
 * The roles table of the contract, decided before anything reads the request body: who may do what on which
 * path, and whether the group of the path is in the caller's scope. A group out of scope is refused even when it
 * does not exist, so refusals say nothing about other groups.
 */
@Component
public class AccessPolicy implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String GROUPS = "/api/v1/groups";
    private static final UrlPathHelper PATHS = new UrlPathHelper();
    private static final Set<Role> ANY = Set.of(Role.ADMIN, Role.ACCOUNTANT, Role.LEADER, Role.CASHIER);
    private static final Set<Role> AUDITORS = Set.of(Role.ADMIN, Role.ACCOUNTANT, Role.LEADER);
    private static final Set<Role> CASHIERS = Set.of(Role.ADMIN, Role.LEADER, Role.CASHIER);
    private static final Set<Role> LEADERS = Set.of(Role.ADMIN, Role.LEADER);
    private static final Set<Role> ADMINS = Set.of(Role.ADMIN);
    private static final List<String> AUDIT_READS = List.of("/balances", "/journal", "/trial-balance", "/audit",
            "/metrics");
    private static final List<String> LEADER_WRITES = List.of("/policy", "/capital", "/reversals", "/closings");

    private final JdbcTemplate jdbc;

    public AccessPolicy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication auth = authentication.get();
        if (auth == null || !(auth.getPrincipal() instanceof FundbookUser user)) {
            return new AuthorizationDecision(false);
        }
        HttpServletRequest request = context.getRequest();
        // Decide on the path as Spring MVC will route it (percent-decoded), never on the raw URI: otherwise
        // "/api/v1/%75sers" would pass as an unknown path and still reach the users endpoint.
        String path = PATHS.getPathWithinApplication(request);
        return new AuthorizationDecision(allowed(user, request.getMethod(), path));
    }

    boolean allowed(FundbookUser user, String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.equals("/api/v1/me")) {
            return read || ADMINS.contains(user.role());
        }
        if (method.equals("PUT") && path.equals("/api/v1/users/" + user.username() + "/password")) {
            return true; // one's own password, any role; the controller asks for the current one
        }
        if (path.startsWith("/api/v1/users") || path.startsWith("/api/v1/admin")) {
            return ADMINS.contains(user.role());
        }
        if (path.startsWith("/api/v1/reports")) {
            return AUDITORS.contains(user.role());
        }
        if (path.equals(GROUPS) || path.equals(GROUPS + "/")) {
            return read ? ANY.contains(user.role()) : ADMINS.contains(user.role());
        }
        if (path.startsWith(GROUPS + "/")) {
            String rest = path.substring(GROUPS.length() + 1);
            int slash = rest.indexOf('/');
            String groupId = slash < 0 ? rest : rest.substring(0, slash);
            String sub = slash < 0 ? "" : rest.substring(slash);
            if (!inScope(user, groupId)) {
                return false;
            }
            if (read) {
                return AUDIT_READS.stream().anyMatch(sub::startsWith) ? AUDITORS.contains(user.role())
                        : ANY.contains(user.role());
            }
            return LEADER_WRITES.stream().anyMatch(sub::startsWith) ? LEADERS.contains(user.role())
                    : CASHIERS.contains(user.role());
        }
        // No such resource: only an ADMIN learns that (404); anyone else is refused without a hint.
        return ADMINS.contains(user.role());
    }

    private boolean inScope(FundbookUser user, String groupId) {
        if (user.role() == Role.ADMIN) {
            return true;
        }
        UUID id;
        try {
            id = UUID.fromString(groupId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (user.role() == Role.ACCOUNTANT) {
            List<String> province = jdbc.queryForList("SELECT province FROM group_view WHERE group_id = ?",
                    String.class, id);
            return !province.isEmpty() && user.provinces().contains(province.get(0));
        }
        return user.groups().contains(id);
    }
}
