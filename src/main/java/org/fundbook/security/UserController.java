package org.fundbook.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.fundbook.platform.web.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logins: created, listed and changed by an ADMIN (the access policy lets only an ADMIN through, except for
 * {@code /me} and one's own password). Passwords are hashed at once and never answered. Every change forgets the
 * user's remembered credentials on this node at once; other nodes re-read the user within
 * {@link BasicLoginProvider#REREAD}.
 *
 * <p>A disable, a password change or reset, and any change of role or scope also end the user's page sessions
 * (kept in PostgreSQL, so on every node at once): a session holds the login as it was when it logged in, and
 * must not outlive what was changed. The user logs in again and gets the login as it now is.
 */
@RestController
class UserController {

    private static final String PASSWORD_RULE = "must be 10 to 128 characters";

    record NewUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}",
                           message = "3 to 64 letters, digits or . _ @ -") String username,
                   @NotNull @Size(min = 10, max = 128, message = PASSWORD_RULE) String password,
                   @NotNull Role role, List<@NotNull UUID> groups,
                   List<@NotBlank @Size(max = 120) String> provinces) {

        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + "]";
        }
    }

    /** Only the fields given change. */
    record UserChange(Role role, List<@NotNull UUID> groups, List<@NotBlank @Size(max = 120) String> provinces,
                      Boolean enabled) {
    }

    record PasswordChange(@Size(max = 128) String currentPassword,
                          @NotNull @Size(min = 10, max = 128, message = PASSWORD_RULE) String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[***]";
        }
    }

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final CurrentCaller caller;
    private final JdbcTemplate jdbc;
    private final BasicLoginProvider logins;
    private final Clock clock;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    UserController(UserStore users, PasswordEncoder encoder, CurrentCaller caller, JdbcTemplate jdbc,
                   BasicLoginProvider logins, Clock clock,
                   ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.clock = clock;
        this.sessions = sessions;
        this.users = users;
        this.encoder = encoder;
        this.caller = caller;
        this.jdbc = jdbc;
        this.logins = logins;
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody NewUser request) {
        requireAdmin();
        Set<UUID> groups = request.groups() == null ? Set.of() : Set.copyOf(request.groups());
        Set<String> provinces = provinces(request.provinces());
        checkScope(request.role(), groups, provinces);
        if (!users.create(request.username(), encoder.encode(request.password()), request.role(), groups, provinces,
                caller.username())) {
            throw new ApiProblem(409, "USERNAME_TAKEN", "user " + request.username() + " already exists");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", request.username());
        body.put("role", request.role());
        body.put("groups", new TreeSet<>(groups));
        body.put("provinces", provinces);
        return ResponseEntity.status(201).body(body);
    }

    @GetMapping("/api/v1/users")
    List<Map<String, Object>> list() {
        requireAdmin();
        return users.all().stream().map(this::view).toList();
    }

    @PatchMapping("/api/v1/users/{username}")
    Map<String, Object> change(@PathVariable String username, @Valid @RequestBody UserChange request) {
        requireAdmin();
        FundbookUser before = existing(username);
        Role role = request.role() != null ? request.role() : before.role();
        boolean roleChanged = role != before.role();
        // A new role drops the scope the old one had unless the request gives it: an ADMIN has none, an
        // ACCOUNTANT only provinces, a LEADER or CASHIER only groups.
        Set<UUID> groups = request.groups() != null ? Set.copyOf(request.groups())
                : roleChanged && !scopedByGroups(role) ? Set.of() : before.groups();
        Set<String> provinces = request.provinces() != null ? provinces(request.provinces())
                : roleChanged && role != Role.ACCOUNTANT ? Set.of() : before.provinces();
        checkScope(role, groups, provinces);
        boolean enabled = request.enabled() != null ? request.enabled() : before.enabled();
        FundbookUser after;
        try {
            after = users.update(username, current -> new FundbookUser(current.username(), current.passwordHash(),
                            role, groups, provinces, current.failedAttempts(), current.lockedUntil(), enabled),
                    caller.username()).orElseThrow(() -> notFound(username));
        } catch (UserStore.LastAdmin e) {
            throw new ApiProblem(422, "LAST_ADMIN", "The last enabled ADMIN cannot be disabled or demoted.");
        } finally {
            logins.forget(username);
        }
        if (after.role() != before.role() || !after.groups().equals(before.groups())
                || !after.provinces().equals(before.provinces()) || after.enabled() != before.enabled()) {
            endSessions(username);
        }
        return view(after);
    }

    @PutMapping("/api/v1/users/{username}/password")
    ResponseEntity<Void> password(@PathVariable String username, @Valid @RequestBody PasswordChange request) {
        boolean own = username.equals(caller.username());
        boolean admin = caller.isAdmin();
        if (!own && !admin) {
            throw new ApiProblem(403, "FORBIDDEN", "Only an admin changes another user's password.");
        }
        if (!admin && request.currentPassword() == null) {
            throw ApiProblem.validation("currentPassword", "is required to change your own password");
        }
        FundbookUser user = existing(username);
        if (request.currentPassword() != null && !encoder.matches(request.currentPassword(), user.passwordHash())) {
            throw new ApiProblem(422, "WRONG_PASSWORD", "The current password is not right.");
        }
        try {
            users.changePassword(username, encoder.encode(request.newPassword()),
                    own && request.currentPassword() != null ? "PASSWORD_CHANGED" : "PASSWORD_RESET",
                    caller.username());
        } finally {
            logins.forget(username);
        }
        endSessions(username);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    Map<String, Object> me() {
        FundbookUser user = existing(caller.username());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("role", user.role());
        body.put("groups", new TreeSet<>(user.groups()));
        body.put("provinces", new TreeSet<>(user.provinces()));
        return body;
    }

    @GetMapping("/api/v1/users/{username}/history")
    List<UserStore.HistoryLine> history(@PathVariable String username) {
        requireAdmin();
        existing(username);
        return users.history(username);
    }

    /** Ends every page session of this user (the one making the request too, when it is theirs). */
    private void endSessions(String username) {
        sessions.ifAvailable(repository -> repository.findByPrincipalName(username).keySet()
                .forEach(repository::deleteById));
    }

    private void requireAdmin() {
        if (!caller.isAdmin()) {
            throw new ApiProblem(403, "FORBIDDEN", "Only an admin manages users.");
        }
    }

    private FundbookUser existing(String username) {
        return users.find(username).orElseThrow(() -> notFound(username));
    }

    private static ApiProblem notFound(String username) {
        return new ApiProblem(404, "USER_NOT_FOUND", "no user " + username);
    }

    private static boolean scopedByGroups(Role role) {
        return role == Role.LEADER || role == Role.CASHIER;
    }

    private static Set<String> provinces(List<String> given) {
        return given == null ? Set.of() : new TreeSet<>(given.stream().map(String::strip).toList());
    }

    private void checkScope(Role role, Set<UUID> groups, Set<String> provinces) {
        switch (role) {
            case LEADER, CASHIER -> {
                if (groups.isEmpty()) {
                    throw ApiProblem.validation("groups", "a " + role + " needs at least one group");
                }
                if (!provinces.isEmpty()) {
                    throw ApiProblem.validation("provinces", "only an ACCOUNTANT is scoped by province");
                }
            }
            case ACCOUNTANT -> {
                if (provinces.isEmpty()) {
                    throw ApiProblem.validation("provinces", "an ACCOUNTANT needs at least one province");
                }
                if (!groups.isEmpty()) {
                    throw ApiProblem.validation("groups", "an ACCOUNTANT is scoped by province, not by group");
                }
            }
            case ADMIN -> {
                if (!groups.isEmpty() || !provinces.isEmpty()) {
                    throw ApiProblem.validation("role", "an ADMIN sees everything: give no groups or provinces");
                }
            }
        }
        for (UUID group : groups) {
            if (jdbc.queryForList("SELECT 1 FROM group_view WHERE group_id = ?", Integer.class, group).isEmpty()) {
                throw new ApiProblem(404, "GROUP_NOT_FOUND", "no group " + group);
            }
        }
    }

    private Map<String, Object> view(FundbookUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("role", user.role());
        body.put("groups", new TreeSet<>(user.groups()));
        body.put("provinces", new TreeSet<>(user.provinces()));
        body.put("enabled", user.enabled());
        // a lock that has run out is no lock: null
        body.put("lockedUntil", user.lockedAt(clock.instant()) ? user.lockedUntil() : null);
        return body;
    }
}
