package org.fundbook.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Logins in PostgreSQL, with the counters that slow down password guessing. */
@Component
public class UserStore {

    private final JdbcTemplate jdbc;

    public UserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<FundbookUser> find(String username) {
        return jdbc.query("SELECT * FROM app_user WHERE username = ?", (rs, i) -> user(rs), username)
                .stream().findFirst();
    }

    /** @return false when the username is taken */
    public boolean create(String username, String passwordHash, Role role, Set<UUID> groups, Set<String> provinces,
                          String createdBy) {
        return jdbc.update("""
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
    }

    public void changePassword(String username, String passwordHash) {
        jdbc.update("UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE username = ?",
                passwordHash, username);
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

    private static FundbookUser user(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new FundbookUser(rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), uuids(rs.getArray("groups")), strings(rs.getArray("provinces")),
                rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant());
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((UUID[]) array.getArray()));
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
