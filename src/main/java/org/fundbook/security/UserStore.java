package org.fundbook.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logins in PostgreSQL, with the counters that slow down password guessing. Every change to a login (not the
 * failed-login counters) commits together with its line in {@code app_user_history}: who, when, what.
 */
@Component
public class UserStore {

    /** One line of a login's history; {@code change} is a JSON object whose {@code type} says what happened. */
    public record HistoryLine(Instant at, String by, JsonNode change) {
    }

    /** Thrown inside a change to refuse it; the transaction rolls back. */
    static final class LastAdmin extends RuntimeException {
        LastAdmin() {
            super("the last enabled ADMIN cannot be disabled or demoted", null, false, false);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    public UserStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ObjectMapper json,
                     Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    public Optional<FundbookUser> find(String username) {
        return jdbc.query("SELECT * FROM app_user WHERE username = ?", (rs, i) -> user(rs), username)
                .stream().findFirst();
    }

    public List<FundbookUser> all() {
        return jdbc.query("SELECT * FROM app_user ORDER BY username", (rs, i) -> user(rs));
    }

    /** @return false when the username is taken */
    public boolean create(String username, String passwordHash, Role role, Set<UUID> groups, Set<String> provinces,
                          String createdBy) {
        Boolean created = transactions.execute(tx -> {
            boolean inserted = jdbc.update("""
                    INSERT INTO app_user (username, password_hash, role, groups, provinces, created_by)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""",
                    ps -> {
                        ps.setString(1, username);
                        ps.setString(2, passwordHash);
                        ps.setString(3, role.name());
                        ps.setArray(4, ps.getConnection().createArrayOf("uuid", groups.toArray()));
                        ps.setArray(5, ps.getConnection().createArrayOf("text", provinces.toArray()));
                        ps.setString(6, createdBy);
                    }) == 1;
            if (inserted) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("type", "CREATED");
                change.put("role", role);
                change.put("groups", groups.stream().sorted().toList());
                change.put("provinces", provinces.stream().sorted().toList());
                record(username, createdBy, change);
            }
            return inserted;
        });
        return Boolean.TRUE.equals(created);
    }

    /**
     * Sets a new password hash and clears the failed-login counters (a reset unlocks the login).
     *
     * @param type what the history calls it: {@code PASSWORD_CHANGED} (by the user) or {@code PASSWORD_RESET}
     */
    public void changePassword(String username, String passwordHash, String type, String by) {
        transactions.executeWithoutResult(tx -> {
            FundbookUser before = jdbc.query("SELECT * FROM app_user WHERE username = ? FOR UPDATE",
                    (rs, i) -> user(rs), username).stream().findFirst().orElse(null);
            if (before == null) {
                return;
            }
            jdbc.update("""
                    UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL
                    WHERE username = ?""", passwordHash, username);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("type", type);
            if (before.lockedUntil() != null || before.failedAttempts() > 0) {
                change.put("unlocked", true);
            }
            record(username, by, change);
        });
    }

    /**
     * Changes a login's role, scope or enabled flag as {@code update} decides from the login as it is, in one
     * transaction that first locks every enabled ADMIN row (in a fixed order) and then the login: two changes
     * that could each remove the last enabled ADMIN are serialized, and the second sees the first.
     *
     * @return the login after the change, empty if there is no such login
     * @throws LastAdmin when the change would leave no enabled ADMIN
     */
    Optional<FundbookUser> update(String username, Function<FundbookUser, FundbookUser> update, String by) {
        return transactions.execute(tx -> {
            List<String> admins = jdbc.queryForList("""
                    SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled
                    ORDER BY username FOR UPDATE""", String.class);
            FundbookUser before = jdbc.query("SELECT * FROM app_user WHERE username = ? FOR UPDATE",
                    (rs, i) -> user(rs), username).stream().findFirst().orElse(null);
            if (before == null) {
                return Optional.empty();
            }
            FundbookUser after = update.apply(before);
            boolean stillAdmin = after.role() == Role.ADMIN && after.enabled();
            if (!stillAdmin && admins.stream().noneMatch(a -> !a.equals(username))) {
                throw new LastAdmin();
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("type", "UPDATED");
            if (before.role() != after.role()) {
                change.put("role", fromTo(before.role(), after.role()));
            }
            if (!before.groups().equals(after.groups())) {
                change.put("groups", fromTo(before.groups().stream().sorted().toList(),
                        after.groups().stream().sorted().toList()));
            }
            if (!before.provinces().equals(after.provinces())) {
                change.put("provinces", fromTo(before.provinces().stream().sorted().toList(),
                        after.provinces().stream().sorted().toList()));
            }
            if (before.enabled() != after.enabled()) {
                change.put("enabled", fromTo(before.enabled(), after.enabled()));
            }
            if (change.size() > 1) {
                jdbc.update("UPDATE app_user SET role = ?, groups = ?, provinces = ?, enabled = ? WHERE username = ?",
                        ps -> {
                            ps.setString(1, after.role().name());
                            ps.setArray(2, ps.getConnection().createArrayOf("uuid", after.groups().toArray()));
                            ps.setArray(3, ps.getConnection().createArrayOf("text", after.provinces().toArray()));
                            ps.setBoolean(4, after.enabled());
                            ps.setString(5, username);
                        });
                record(username, by, change);
            }
            return Optional.of(after);
        });
    }

    /** Newest first. */
    public List<HistoryLine> history(String username) {
        return jdbc.query("""
                SELECT changed_at, changed_by, change::text AS change FROM app_user_history
                WHERE username = ? ORDER BY id DESC""", (rs, i) -> {
                    try {
                        return new HistoryLine(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                                json.readTree(rs.getString("change")));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("unreadable history of " + username, e);
                    }
                }, username);
    }

    /** Counts a failed login; the one that reaches {@code limit} locks the login until {@code lockUntil}. */
    public void recordFailure(String username, int limit, Instant lockUntil) {
        jdbc.update("""
                UPDATE app_user SET failed_attempts = failed_attempts + 1,
                    locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
                WHERE username = ?""", limit, Timestamp.from(lockUntil), username);
    }

    public void recordSuccess(FundbookUser user) {
        if (user.failedAttempts() > 0 || user.lockedUntil() != null) {
            jdbc.update("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = ?",
                    user.username());
        }
    }

    private void record(String username, String by, Map<String, Object> change) {
        try {
            jdbc.update("""
                    INSERT INTO app_user_history (username, changed_at, changed_by, change)
                    VALUES (?, ?, ?, ?::jsonb)""", username, Timestamp.from(clock.instant()), by,
                    json.writeValueAsString(change));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    private static FundbookUser user(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new FundbookUser(rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), uuids(rs.getArray("groups")), strings(rs.getArray("provinces")),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(), rs.getBoolean("enabled"));
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((UUID[]) array.getArray()));
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
