package org.fundbook.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The roles table of the contract: each role against each class of action, in and out of scope. */
class SecurityHttpTest extends IntegrationTest {

    private static final String PASSWORD = "a long enough password";

    private Ledger own;
    private Ledger other;
    private String saver;
    private String otherSaver;
    private Api cashier;
    private Api leader;
    private Api accountant;
    private String suffix;

    @BeforeEach
    void twoGroupsInTwoProvincesAndOneUserOfEachRole() {
        own = Ledger.register(api, "CEDAC", "2024-01-01", null);
        saver = own.member("Sok", "MEMBER", "2024-01-01");
        own.contribute(saver, 10_000, "2024-01-02");
        other = registerIn("Prey Veng");
        otherSaver = other.member("Dara", "MEMBER", "2024-01-01");
        suffix = Api.id().substring(0, 8);
        cashier = user("cashier", "CASHIER", List.of(own.groupId), null);
        leader = user("leader", "LEADER", List.of(own.groupId), null);
        accountant = user("accountant", "ACCOUNTANT", null, List.of("Svay Rieng"));
    }

    private Ledger registerIn(String province) {
        String groupId = Api.id();
        Api.Response response = api.post("/api/v1/groups", Api.body("groupId", groupId, "name", "Other",
                "scheme", "CEDAC", "location", Api.body("province", province, "district", "Sithor Kandal",
                        "commune", "Prey Tung", "village", "Prey Tung"), "registeredOn", "2024-01-01"));
        assertThat(response.status()).isEqualTo(201);
        return Ledger.attach(api, groupId);
    }

    private Api user(String name, String role, List<String> groups, List<String> provinces) {
        String username = name + "-" + suffix;
        createUser(username, PASSWORD, role, groups, provinces);
        return anonymous().as(username, PASSWORD);
    }

    private Map<String, Object> contribution(String memberId) {
        return Api.body("transactionId", Api.id(), "memberId", memberId, "amount", 1_000, "occurredOn", "2024-01-03");
    }

    private static void forbidden(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("FORBIDDEN");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void withoutCredentialsEveryApiPathIsUnauthenticated() {
        Api.Response response = anonymous().get("/api/v1/groups");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous().as("admin", "wrong password").get("/api/v1/groups").status()).isEqualTo(401);
        assertThat(anonymous().post(own.path("/contributions"), contribution(saver)).status()).isEqualTo(401);
    }

    @Test
    void aCashierRecordsMoneyInItsOwnGroupOnly() {
        assertThat(cashier.post(own.path("/contributions"), contribution(saver)).status()).isEqualTo(201);
        assertThat(cashier.post(own.path("/members"), Api.body("transactionId", Api.id(), "name", "New",
                "sex", "M", "membership", "MEMBER", "joinedOn", "2024-01-01")).status()).isEqualTo(201);
        forbidden(cashier.post(other.path("/contributions"), contribution(otherSaver)));
    }

    @Test
    void aCashierMayNotDoALeadersWork() {
        forbidden(cashier.post(own.path("/capital"), Api.body("transactionId", Api.id(), "source", "IOM",
                "amount", 1_000, "occurredOn", "2024-01-03")));
        forbidden(cashier.put(own.path("/policy"), Api.body("transactionId", Api.id(), "effectiveFrom", "2024-02-01",
                "policy", Map.of())));
        forbidden(cashier.post(own.path("/reversals"), Api.body("transactionId", Api.id(),
                "reversedTransactionId", Api.id(), "reason", "x", "occurredOn", "2024-01-03")));
        forbidden(cashier.post(own.path("/closings"), Api.body("transactionId", Api.id(), "closingDate", "2024-07-01")));
    }

    @Test
    void onlyAnAdminRegistersGroupsAndCreatesUsers() {
        Map<String, Object> group = Api.body("groupId", Api.id(), "name", "X", "scheme", "FSF",
                "location", Api.body("province", "Svay Rieng", "district", "Kompong Ro", "commune", "Kseth",
                        "village", "Kseth"), "registeredOn", "2024-01-01");
        Map<String, Object> user = Api.body("username", "someone-" + suffix, "password", PASSWORD, "role", "ADMIN");
        for (Api caller : List.of(cashier, leader, accountant)) {
            forbidden(caller.post("/api/v1/groups", group));
            forbidden(caller.post("/api/v1/users", user));
        }
        assertThat(api.post("/api/v1/users", user).status()).isEqualTo(201);
    }

    @Test
    void aLeaderReceivesCapitalChangesPolicyReversesAndClosesInItsOwnGroup() {
        assertThat(leader.post(own.path("/capital"), Api.body("transactionId", Api.id(), "source", "IOM",
                "amount", 1_000, "occurredOn", "2024-01-03")).status()).isEqualTo(201);
        assertThat(leader.put(own.path("/policy"), Api.body("transactionId", Api.id(), "effectiveFrom", "2024-02-01",
                "policy", Map.of("memberMonthlyRateBp", 250))).status()).isEqualTo(200);
        String contribution = leader.post(own.path("/contributions"), contribution(saver)).json()
                .get("transactionId").asText();
        assertThat(leader.post(own.path("/reversals"), Api.body("transactionId", Api.id(),
                "reversedTransactionId", contribution, "reason", "typo", "occurredOn", "2024-01-04")).status())
                .isEqualTo(201);
        assertThat(leader.post(own.path("/closings"), Api.body("transactionId", Api.id(),
                "closingDate", "2024-07-01")).status()).isEqualTo(201);
        forbidden(leader.post(other.path("/capital"), Api.body("transactionId", Api.id(), "source", "IOM",
                "amount", 1_000, "occurredOn", "2024-01-03")));
    }

    @Test
    void anAccountantReadsItsProvinceAndWritesNothing() {
        assertThat(accountant.get(own.path("")).status()).isEqualTo(200);
        assertThat(accountant.get(own.path("/members")).status()).isEqualTo(200);
        forbidden(accountant.get(other.path("")));
        forbidden(accountant.post(own.path("/contributions"), contribution(saver)));
        JsonNode listed = accountant.get("/api/v1/groups").json();
        assertThat(listed.findValuesAsText("groupId")).contains(own.groupId).doesNotContain(other.groupId);
        assertThat(listed.findValuesAsText("province")).containsOnly("Svay Rieng");
    }

    @Test
    void readsOutOfScopeAreForbiddenEvenForGroupsThatDoNotExist() {
        forbidden(cashier.get(other.path("")));
        forbidden(cashier.get("/api/v1/groups/" + Api.id()));
        forbidden(accountant.get("/api/v1/groups/" + Api.id()));
        assertThat(api.get("/api/v1/groups/" + Api.id()).code()).isEqualTo("GROUP_NOT_FOUND");
        assertThat(cashier.get("/api/v1/groups").json().findValuesAsText("groupId")).containsExactly(own.groupId);
    }

    @Test
    void forbiddenComesBeforeValidation() {
        forbidden(cashier.post(other.path("/contributions"), "{not json"));
        forbidden(accountant.post(own.path("/contributions"), Api.body("amount", -1)));
    }

    @Test
    void auditAndReportsAreForLeadersAccountantsAndAdmins() {
        forbidden(cashier.get("/api/v1/reports/portfolio"));
        forbidden(cashier.get(own.path("/journal")));
        forbidden(cashier.get(own.path("/audit/events")));
        assertThat(leader.get(own.path("/journal")).status()).isNotIn(401, 403);
        assertThat(accountant.get(own.path("/trial-balance")).status()).isNotIn(401, 403);
        forbidden(leader.get(other.path("/journal")));
    }

    @Test
    void theAuthenticatedUserIsRecordedOnTheEvent() {
        cashier.post(own.path("/contributions"), contribution(saver));
        List<String> recordedBy = jdbc.queryForList("""
                SELECT convert_from(metaData, 'UTF8')::jsonb ->> 'recordedBy' FROM domain_event_entry
                WHERE aggregateIdentifier = ? ORDER BY sequenceNumber DESC LIMIT 1""", String.class, own.groupId);
        assertThat(recordedBy).containsExactly("cashier-" + suffix);
    }

    @Test
    void passwordsAreNeverStoredOrAnsweredInClear() {
        String secret = "correct horse battery staple " + suffix;
        Api.Response created = api.post("/api/v1/users", Api.body("username", "clerk-" + suffix, "password", secret,
                "role", "CASHIER", "groups", List.of(own.groupId)));
        assertThat(created.body()).doesNotContain(secret);
        assertThat(anonymous().as("clerk-" + suffix, secret).get(own.path("")).status()).isEqualTo(200);

        List<String> tables = jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", String.class);
        for (String table : tables) {
            List<String> rows = jdbc.queryForList("SELECT t::text FROM \"" + table + "\" t", String.class);
            assertThat(rows).as(table).noneMatch(row -> row.contains(secret));
        }
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE username = ?", String.class,
                "clerk-" + suffix);
        assertThat(hash).startsWith("{bcrypt}");
    }

    @Test
    void repeatedFailedLoginsLockTheLoginForAWhile() {
        Api wrong = anonymous().as("leader-" + suffix, "not the password");
        for (int i = 0; i < BasicLoginProvider.FAILURE_LIMIT; i++) {
            assertThat(wrong.get(own.path("")).status()).isEqualTo(401);
        }
        Api.Response locked = leader.get(own.path(""));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asText()).contains("Too many failed logins");
        assertThat(cashier.get(own.path("")).status()).as("other logins are not affected").isEqualTo(200);
    }

    @Test
    void healthAndMetricsAreOpenAndTheRestOfTheActuatorIsNot() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        Api.Response metrics = anonymous().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        for (String endpoint : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator")) {
            assertThat(anonymous().get(endpoint).status()).as(endpoint).isEqualTo(401);
            assertThat(cashier.get(endpoint).status()).as(endpoint).isEqualTo(403);
            assertThat(api.get(endpoint).status()).as(endpoint).isIn(200, 404);
        }
    }

    @Test
    void deeplyNestedOrHugeOrNonUtf8BodiesAreRefusedAndChangeNothing() {
        String nested = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        assertThat(cashier.post(own.path("/contributions"), nested).status()).isEqualTo(400);
        String longName = "{\"transactionId\":\"" + Api.id() + "\",\"name\":\"" + "ក".repeat(30_000)
                + "\",\"sex\":\"F\",\"membership\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}";
        assertThat(cashier.post(own.path("/members"), longName).status()).isEqualTo(400);
        byte[] latin1 = ("{\"transactionId\":\"" + Api.id() + "\",\"name\":\"Ch\u00e2n\",\"sex\":\"F\","
                + "\"membership\":\"MEMBER\",\"joinedOn\":\"2024-01-01\"}").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(cashier.sendBytes("POST", own.path("/members"), latin1, "application/json").status())
                .isEqualTo(400);
        assertThat(cashier.sendBytes("POST", own.path("/members"), latin1, "application/json; charset=ISO-8859-1")
                .status()).isEqualTo(400);
        assertThat(api.get(own.path("/members")).json()).hasSize(1);
    }

    @Test
    void percentEncodedPathsAreJudgedAsTheyAreRouted() {
        forbidden(cashier.post(own.path("/%63apital"), Api.body("transactionId", Api.id(), "source", "IOM",
                "amount", 1_000, "occurredOn", "2024-01-03")));
        forbidden(cashier.post(own.path("/%72eversals"), Api.body("transactionId", Api.id(),
                "reversedTransactionId", Api.id(), "reason", "x", "occurredOn", "2024-01-03")));
        forbidden(cashier.get(own.path("/%6Aournal")));
        forbidden(cashier.get("/api/v1/reports/%70ortfolio"));
        forbidden(cashier.post("/api/v1/%75sers", Api.body("username", "evil-" + suffix, "password", PASSWORD,
                "role", "ADMIN")));
        assertThat(anonymous().as("evil-" + suffix, PASSWORD).get("/api/v1/groups").status()).isEqualTo(401);
        assertThat(leader.get(own.path("/%6Aournal")).status()).isEqualTo(200);
    }

    @Test
    void unknownApiPathsTellOnlyAnAdminThatTheyDoNotExist() {
        forbidden(cashier.get("/api/v1/nothing-here"));
        assertThat(api.get("/api/v1/nothing-here").status()).isEqualTo(404);
    }
}
