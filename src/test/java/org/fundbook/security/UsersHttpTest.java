package org.fundbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.web.context.WebServerApplicationContext;

/** The contract's "Users": listing, changing, disabling and resetting logins, one's own password, the history. */
class UsersHttpTest extends IntegrationTest {

    private static final String PASSWORD = "a long enough password";

    private Ledger group;
    private String suffix;

    @BeforeEach
    void aGroup() {
        group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        suffix = Api.id().substring(0, 8);
    }

    private String create(String name, String role, List<String> groups, List<String> provinces) {
        String username = name + "-" + suffix;
        createUser(username, PASSWORD, role, groups, provinces);
        return username;
    }

    private String cashier(String name) {
        return create(name, "CASHIER", List.of(group.groupId), null);
    }

    private Api as(String username) {
        return anonymous().as(username, PASSWORD);
    }

    private Api.Response patch(Api caller, String username, Map<String, Object> body) {
        return caller.send("PATCH", "/api/v1/users/" + username, body);
    }

    private static void problem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anAdminListsUsersWithoutPasswordsOrHashes() {
        String cashier = cashier("listed");
        Api.Response list = api.get("/api/v1/users");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).doesNotContain(PASSWORD).doesNotContain("{bcrypt}").doesNotContain("$2a$")
                .doesNotContain("password");
        JsonNode user = null;
        for (JsonNode u : list.json()) {
            if (u.get("username").asText().equals(cashier)) {
                user = u;
            }
        }
        assertThat(user).isNotNull();
        assertThat(user.get("role").asText()).isEqualTo("CASHIER");
        assertThat(user.get("groups").get(0).asText()).isEqualTo(group.groupId);
        assertThat(user.get("provinces").size()).isZero();
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.get("lockedUntil").isNull()).isTrue();
        problem(as(cashier).get("/api/v1/users"), 403, "FORBIDDEN");
    }

    @Test
    void everyoneSeesThemselvesAtMe() {
        String cashier = cashier("me");
        Api.Response me = as(cashier).get("/api/v1/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo(cashier);
        assertThat(me.json().get("role").asText()).isEqualTo("CASHIER");
        assertThat(me.json().get("groups").get(0).asText()).isEqualTo(group.groupId);
        assertThat(me.json().has("enabled")).isFalse();
        String accountant = create("acc", "ACCOUNTANT", null, List.of("Svay Rieng"));
        assertThat(as(accountant).get("/api/v1/me").json().get("provinces").get(0).asText()).isEqualTo("Svay Rieng");
        assertThat(api.get("/api/v1/me").json().get("role").asText()).isEqualTo("ADMIN");
        problem(anonymous().get("/api/v1/me"), 401, "UNAUTHENTICATED");
    }

    @Test
    void anAdminChangesRoleAndScopeAndTheNextRequestUsesThem() {
        String user = cashier("promoted");
        Api caller = as(user);
        assertThat(caller.post(group.path("/capital"), Api.body("transactionId", Api.id(), "source", "IOM",
                "amount", 1_000, "occurredOn", "2024-01-03")).status()).isEqualTo(403);
        Api.Response changed = patch(api, user, Api.body("role", "LEADER"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("role").asText()).isEqualTo("LEADER");
        assertThat(changed.json().get("groups").get(0).asText()).isEqualTo(group.groupId);
        assertThat(changed.json().get("enabled").asBoolean()).isTrue();
        assertThat(caller.post(group.path("/capital"), Api.body("transactionId", Api.id(), "source", "IOM",
                "amount", 1_000, "occurredOn", "2024-01-03")).status()).isEqualTo(201);

        Api.Response accountant = patch(api, user, Api.body("role", "ACCOUNTANT", "provinces", List.of("Takeo")));
        assertThat(accountant.status()).as(accountant.toString()).isEqualTo(200);
        assertThat(accountant.json().get("groups").size()).isZero();
        assertThat(accountant.json().get("provinces").get(0).asText()).isEqualTo("Takeo");
        problem(patch(api, user, Api.body("role", "CASHIER")), 400, "VALIDATION_FAILED");
        problem(patch(api, user, Api.body("role", "CASHIER", "groups", List.of(Api.id()))), 404, "GROUP_NOT_FOUND");
        problem(patch(api, user, Api.body("role", "KING")), 400, "VALIDATION_FAILED");
        problem(patch(api, "nobody-" + suffix, Api.body("enabled", false)), 404, "USER_NOT_FOUND");
        problem(patch(as(cashier("other")), user, Api.body("enabled", false)), 403, "FORBIDDEN");
    }

    @Test
    void aDisabledUsersNextRequestIsUnauthenticatedAndEnablingWorksAtOnce() {
        String user = cashier("disabled");
        Api caller = as(user);
        assertThat(caller.get(group.path("")).status()).isEqualTo(200);
        Api.Response disabled = patch(api, user, Api.body("enabled", false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        problem(caller.get(group.path("")), 401, "UNAUTHENTICATED");
        problem(caller.get("/api/v1/me"), 401, "UNAUTHENTICATED");
        assertThat(patch(api, user, Api.body("enabled", true)).status()).isEqualTo(200);
        assertThat(caller.get(group.path("")).status()).isEqualTo(200);
    }

    @Test
    void aUserChangesTheirOwnPasswordWithTheCurrentOne() {
        String user = cashier("own");
        Api caller = as(user);
        assertThat(caller.get("/api/v1/me").status()).isEqualTo(200);
        String path = "/api/v1/users/" + user + "/password";
        problem(caller.put(path, Api.body("currentPassword", "not the password", "newPassword", "another long one")),
                422, "WRONG_PASSWORD");
        problem(caller.put(path, Api.body("newPassword", "another long one")), 400, "VALIDATION_FAILED");
        problem(caller.put(path, Api.body("currentPassword", PASSWORD, "newPassword", "short")), 400,
                "VALIDATION_FAILED");
        problem(caller.put("/api/v1/users/admin/password", Api.body("currentPassword", PASSWORD,
                "newPassword", "another long one")), 403, "FORBIDDEN");
        Api.Response changed = caller.put(path, Api.body("currentPassword", PASSWORD, "newPassword", "another long one"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        problem(caller.get("/api/v1/me"), 401, "UNAUTHENTICATED");
        assertThat(anonymous().as(user, "another long one").get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anAdminResetsAPasswordWithoutTheCurrentOneAndTheResetUnlocks() {
        String user = cashier("reset");
        Api wrong = anonymous().as(user, "wrong password, again");
        for (int i = 0; i < BasicLoginProvider.FAILURE_LIMIT; i++) {
            wrong.get("/api/v1/me");
        }
        problem(as(user).get("/api/v1/me"), 401, "UNAUTHENTICATED");
        JsonNode listed = null;
        for (JsonNode u : api.get("/api/v1/users").json()) {
            if (u.get("username").asText().equals(user)) {
                listed = u;
            }
        }
        assertThat(listed.get("lockedUntil").isNull()).isFalse();
        Api.Response reset = api.put("/api/v1/users/" + user + "/password", Api.body("newPassword", "a fresh password"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(anonymous().as(user, "a fresh password").get("/api/v1/me").status()).isEqualTo(200);
        problem(as(user).get("/api/v1/me"), 401, "UNAUTHENTICATED");
        problem(api.put("/api/v1/users/nobody-" + suffix + "/password", Api.body("newPassword", "a fresh password")),
                404, "USER_NOT_FOUND");
        problem(api.put("/api/v1/users/" + user + "/password", Api.body("newPassword", "short")), 400,
                "VALIDATION_FAILED");
    }

    @Test
    void everyChangeToAUserIsInItsHistoryNewestFirstWithWhoAndWhen() {
        String other = create("historian", "ADMIN", null, null);
        String user = cashier("history");
        Instant before = Instant.now().minusSeconds(5);
        assertThat(patch(as(other), user, Api.body("role", "LEADER")).status()).isEqualTo(200);
        assertThat(patch(api, user, Api.body("enabled", false)).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/users/" + user + "/password", Api.body("newPassword", "a fresh password"))
                .status()).isEqualTo(204);
        Api.Response history = api.get("/api/v1/users/" + user + "/history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode lines = history.json();
        assertThat(lines.size()).isEqualTo(4);
        assertThat(lines.get(0).get("change").get("type").asText()).isEqualTo("PASSWORD_RESET");
        assertThat(lines.get(0).get("by").asText()).isEqualTo("admin");
        assertThat(lines.get(1).get("change").get("enabled").get("to").asBoolean()).isFalse();
        assertThat(lines.get(2).get("change").get("role").get("from").asText()).isEqualTo("CASHIER");
        assertThat(lines.get(2).get("change").get("role").get("to").asText()).isEqualTo("LEADER");
        assertThat(lines.get(2).get("by").asText()).isEqualTo(other);
        assertThat(lines.get(3).get("change").get("type").asText()).isEqualTo("CREATED");
        assertThat(lines.get(3).get("change").get("role").asText()).isEqualTo("CASHIER");
        for (JsonNode line : lines) {
            assertThat(Instant.parse(line.get("at").asText())).isAfter(before);
        }
        assertThat(history.body()).doesNotContain("a fresh password").doesNotContain("{bcrypt}");
        problem(api.get("/api/v1/users/nobody-" + suffix + "/history"), 404, "USER_NOT_FOUND");
        problem(as(cashier("nosy")).get("/api/v1/users/" + user + "/history"), 403, "FORBIDDEN");
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() throws Exception {
        String only = create("only-admin", "ADMIN", null, null);
        List<String> others = disableAdminsOtherThan(List.of(only));
        try {
            Api onlyAdmin = as(only);
            problem(patch(onlyAdmin, only, Api.body("enabled", false)), 422, "LAST_ADMIN");
            problem(patch(onlyAdmin, only, Api.body("role", "ACCOUNTANT", "provinces", List.of("Takeo"))), 422,
                    "LAST_ADMIN");
            assertThat(onlyAdmin.get("/api/v1/me").json().get("role").asText()).isEqualTo("ADMIN");
        } finally {
            enable(others);
        }
    }

    @Test
    void twoAdminsDisablingEachOtherAtOnceLeaveOneEnabled() throws Exception {
        String a = create("admin-a", "ADMIN", null, null);
        String b = create("admin-b", "ADMIN", null, null);
        List<String> others = disableAdminsOtherThan(List.of(a, b));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // Warm both logins, so that both requests reach the database change rather than the password check.
            assertThat(as(a).get("/api/v1/me").status()).isEqualTo(200);
            assertThat(as(b).get("/api/v1/me").status()).isEqualTo(200);
            List<Future<Api.Response>> answers = new ArrayList<>();
            // Hold the admin rows, so that both changes are waiting on them when they are let go together.
            try (Connection held = jdbc.getDataSource().getConnection()) {
                held.setAutoCommit(false);
                try (Statement statement = held.createStatement()) {
                    statement.executeQuery("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled FOR UPDATE")
                            .close();
                }
                answers.add(threads.submit((Callable<Api.Response>) () ->
                        patch(as(a), b, Api.body("enabled", false))));
                answers.add(threads.submit((Callable<Api.Response>) () ->
                        patch(as(b), a, Api.body("enabled", false))));
                awaitWaitingOnLocks(2);
                held.rollback();
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 422);
            Integer enabled = jdbc.queryForObject("SELECT count(*) FROM app_user WHERE role = 'ADMIN' AND enabled",
                    Integer.class);
            assertThat(enabled).isEqualTo(1);
        } finally {
            threads.shutdownNow();
            enable(others);
        }
    }

    @Test
    void anotherNodeStopsAcceptingADisabledUserOrAnOldPasswordWithinTheBound() {
        String disabled = cashier("far-disabled");
        String changed = cashier("far-changed");
        ConfigurableApplicationContext node = startAnotherNode();
        try {
            String base = "http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort();
            Api farDisabled = new Api(base).as(disabled, PASSWORD);
            Api farChanged = new Api(base).as(changed, PASSWORD);
            assertThat(farDisabled.get("/api/v1/me").status()).isEqualTo(200);
            assertThat(farChanged.get("/api/v1/me").status()).isEqualTo(200);
            Instant at = Instant.now();
            assertThat(patch(api, disabled, Api.body("enabled", false)).status()).isEqualTo(200);
            assertThat(api.put("/api/v1/users/" + changed + "/password", Api.body("newPassword", "a fresh password"))
                    .status()).isEqualTo(204);
            Instant deadline = at.plus(BasicLoginProvider.REREAD).plusSeconds(1);
            boolean disabledOut = false;
            boolean oldPasswordOut = false;
            while (!(disabledOut && oldPasswordOut)) {
                assertThat(Instant.now()).as("kept out within the bound").isBefore(deadline);
                disabledOut = disabledOut || farDisabled.get("/api/v1/me").status() == 401;
                oldPasswordOut = oldPasswordOut || farChanged.get("/api/v1/me").status() == 401;
                sleep(Duration.ofMillis(200));
            }
            // and once out, they stay out
            assertThat(farDisabled.get("/api/v1/me").status()).isEqualTo(401);
            assertThat(farChanged.get("/api/v1/me").status()).isEqualTo(401);
            assertThat(new Api(base).as(changed, "a fresh password").get("/api/v1/me").status()).isEqualTo(200);
        } finally {
            node.close();
        }
    }

    private List<String> disableAdminsOtherThan(List<String> kept) {
        List<String> others = jdbc.queryForList("SELECT username FROM app_user WHERE role = 'ADMIN' AND enabled",
                String.class).stream().filter(u -> !kept.contains(u)).toList();
        others.forEach(u -> jdbc.update("UPDATE app_user SET enabled = false WHERE username = ?", u));
        return others;
    }

    private void enable(List<String> usernames) {
        usernames.forEach(u -> jdbc.update("UPDATE app_user SET enabled = true WHERE username = ?", u));
    }

    private void awaitWaitingOnLocks(int count) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Integer waiting = jdbc.queryForObject("""
                    SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%app_user%'""",
                    Integer.class);
            if (waiting != null && waiting >= count) {
                return;
            }
            sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("the two changes never waited on the admin rows");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
