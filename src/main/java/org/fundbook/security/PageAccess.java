package org.fundbook.security;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UrlPathHelper;

/**
 * Who may open a page: exactly who may make the API call the page is for, so pages and API share one access
 * table ({@link AccessPolicy}). The meeting sheet is for those who may hold a meeting, the closing page for those
 * who may close the books, the reversal page for those who may reverse, the audit page for those who may read the audit trail, the reports for those who may
 * read reports, the admin pages for those who may manage users. Any logged-in user may open the list of their
 * groups and their own password page.
 */
@Component
public class PageAccess implements org.springframework.security.authorization.AuthorizationManager<
        RequestAuthorizationContext> {

    /** A page and the API call it stands for: {@code $1} is the group id, {@code $2} the member id. */
    private record Rule(Pattern page, String method, String api) {
    }

    private static final String ID = "([^/]+)";
    private static final Rule[] RULES = {
            new Rule(Pattern.compile("/groups/new"), "POST", "/api/v1/groups"),
            new Rule(Pattern.compile("/groups/" + ID + "/meeting(/.*)?"), "POST", "/api/v1/groups/$1/meetings"),
            new Rule(Pattern.compile("/groups/" + ID + "/closing(/.*)?"), "POST", "/api/v1/groups/$1/closings"),
            new Rule(Pattern.compile("/groups/" + ID + "/policy(/.*)?"), "PUT", "/api/v1/groups/$1/policy"),
            new Rule(Pattern.compile("/groups/" + ID + "/reversal(/.*)?"), "POST", "/api/v1/groups/$1/reversals"),
            new Rule(Pattern.compile("/groups/" + ID + "/audit(/.*)?"), "GET", "/api/v1/groups/$1/audit"),
            new Rule(Pattern.compile("/groups/" + ID + "/members/" + ID + "/statement"), "GET",
                    "/api/v1/groups/$1/members/$2/statement"),
            new Rule(Pattern.compile("/groups/" + ID + "(/.*)?"), "GET", "/api/v1/groups/$1"),
            new Rule(Pattern.compile("/reports(/.*)?"), "GET", "/api/v1/reports"),
            new Rule(Pattern.compile("/admin(/.*)?"), "GET", "/api/v1/users"),
    };
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final AccessPolicy policy;

    public PageAccess(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        return new AuthorizationDecision(allows(authentication.get(),
                PATHS.getPathWithinApplication(context.getRequest())));
    }

    /** Whether this login may open the page at this path. */
    public boolean allows(Authentication auth, String path) {
        if (auth == null || !(auth.getPrincipal() instanceof FundbookUser user)) {
            return false;
        }
        return apiCall(path).map(call -> policy.allowed(user, call[0], call[1])).orElse(true);
    }

    /** The API call a page stands for, as {method, path}; none for pages every logged-in user may open. */
    static Optional<String[]> apiCall(String path) {
        for (Rule rule : RULES) {
            Matcher m = rule.page().matcher(path);
            if (m.matches()) {
                return Optional.of(new String[] {rule.method(), m.replaceFirst(rule.api())});
            }
        }
        return Optional.empty();
    }
}
