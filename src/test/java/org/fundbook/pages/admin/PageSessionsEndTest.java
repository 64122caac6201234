package org.fundbook.pages.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.fundbook.support.Api;
import org.fundbook.support.BrowserTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

/**
 * A page session does not outlive a disable, a password change or a new role or scope: the user's next page
 * request goes to the login page, however the change was made (here through the API, with HTTP Basic).
 */
class PageSessionsEndTest extends BrowserTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private Integer sessionsOf(String username) {
        return jdbc.queryForObject("SELECT count(*) FROM spring_session WHERE principal_name = ?", Integer.class,
                username);
    }

    /** Logs the user in on a page, has {@code change} made, and checks the next page request asks for a login. */
    private void loggedInThen(String username, String password, Runnable change) {
        login(username, password);
        open("/");
        assertThat(browser().getCurrentUrl()).doesNotEndWith("/login");
        assertThat(sessionsOf(username)).isPositive();
        change.run();
        assertThat(sessionsOf(username)).isZero();
        open("/");
        assertThat(browser().getCurrentUrl()).endsWith("/login");
    }

    @Test
    void disablingAUserEndsTheirPageSessions() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String user = "pg-disabled-" + suffix;
        createUser(user, "a-good-password", "CASHIER", List.of(group.groupId), null);
        loggedInThen(user, "a-good-password", () ->
                assertThat(api.send("PATCH", "/api/v1/users/" + user, Api.body("enabled", false)).status())
                        .isEqualTo(200));
    }

    @Test
    void aPasswordResetOrOwnChangeEndsThePageSessions() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String user = "pg-reset-" + suffix;
        createUser(user, "a-good-password", "CASHIER", List.of(group.groupId), null);
        loggedInThen(user, "a-good-password", () ->
                assertThat(api.put("/api/v1/users/" + user + "/password",
                        Api.body("newPassword", "reset-password-1")).status()).isEqualTo(204));
        loggedInThen(user, "reset-password-1", () ->
                assertThat(anonymous().as(user, "reset-password-1").put("/api/v1/users/" + user + "/password",
                        Api.body("currentPassword", "reset-password-1", "newPassword", "own-password-2"))
                        .status()).isEqualTo(204));
    }

    @Test
    void aNewRoleOrScopeEndsThePageSessionsButAChangeOfNothingDoesNot() {
        Ledger mine = Ledger.register(api, "CEDAC", "2024-01-01", null);
        Ledger another = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String user = "pg-scope-" + suffix;
        createUser(user, "a-good-password", "CASHIER", List.of(mine.groupId), null);
        login(user, "a-good-password");
        assertThat(api.send("PATCH", "/api/v1/users/" + user, Api.body("role", "CASHIER")).status())
                .isEqualTo(200);
        assertThat(sessionsOf(user)).isEqualTo(1);
        open("/");
        assertThat(browser().getCurrentUrl()).doesNotEndWith("/login");

        loggedInThen(user, "a-good-password", () ->
                assertThat(api.send("PATCH", "/api/v1/users/" + user,
                        Api.body("groups", List.of(mine.groupId, another.groupId))).status()).isEqualTo(200));
        loggedInThen(user, "a-good-password", () ->
                assertThat(api.send("PATCH", "/api/v1/users/" + user, Api.body("role", "LEADER")).status())
                        .isEqualTo(200));
    }
}
