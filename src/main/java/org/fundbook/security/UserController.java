package org.fundbook.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.fundbook.platform.web.ApiProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Creating logins (ADMIN only, by the access policy). The password is hashed at once and never answered. */
@RestController
class UserController {

    record NewUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}",
                           message = "3 to 64 letters, digits or . _ @ -") String username,
                   @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
                   @NotNull Role role, List<@NotNull UUID> groups,
                   List<@NotBlank @Size(max = 120) String> provinces) {

        @Override
        public String toString() {
            return "NewUser[" + username + ", " + role + "]";
        }
    }

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final CurrentCaller caller;
    private final JdbcTemplate jdbc;

    UserController(UserStore users, PasswordEncoder encoder, CurrentCaller caller, JdbcTemplate jdbc) {
        this.users = users;
        this.encoder = encoder;
        this.caller = caller;
        this.jdbc = jdbc;
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody NewUser request) {
        if (!caller.isAdmin()) {
            throw new ApiProblem(403, "FORBIDDEN", "Only an admin creates users.");
        }
        Set<UUID> groups = request.groups() == null ? Set.of() : Set.copyOf(request.groups());
        Set<String> provinces = request.provinces() == null ? Set.of()
                : new TreeSet<>(request.provinces().stream().map(String::strip).toList());
        switch (request.role()) {
            case LEADER, CASHIER -> {
                if (groups.isEmpty()) {
                    throw ApiProblem.validation("groups", "a " + request.role() + " needs at least one group");
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
}
