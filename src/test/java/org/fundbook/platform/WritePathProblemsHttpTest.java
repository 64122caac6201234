package org.fundbook.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

/**
 * The refusals the write path itself gives (no such group, an idempotency key already used), word for word as
 * the contract's clients see them: status, content type, and every field of the problem details.
 */
class WritePathProblemsHttpTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static void isProblem(Api.Response response, int status, Map<String, Object> body) throws Exception {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json()).isEqualTo(JSON.valueToTree(body));
    }

    @Test
    void aWriteToAGroupThatWasNeverRegistered() throws Exception {
        String groupId = Api.id();
        String path = "/api/v1/groups/" + groupId + "/contributions";

        Api.Response response = api.post(path, Api.body("transactionId", Api.id(), "memberId", Api.id(),
                "amount", 1_000, "occurredOn", "2024-01-02"));

        isProblem(response, 404, Map.of("type", "https://fundbook.org/problems/group-not-found", "title", "Not Found",
                "status", 404, "detail", "no group " + groupId, "instance", path, "code", "GROUP_NOT_FOUND"));
    }

    @Test
    void aTransactionIdUsedForAnotherRequest() throws Exception {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sokha", "MEMBER", "2024-01-01");
        String tx = Api.id();
        group.contribute(member, 1_000, "2024-01-02");
        assertThat(api.post(group.path("/contributions"), Api.body("transactionId", tx, "memberId", member,
                "amount", 1_000, "occurredOn", "2024-01-02")).status()).isEqualTo(201);

        Api.Response response = api.post(group.path("/contributions"), Api.body("transactionId", tx,
                "memberId", member, "amount", 2_000, "occurredOn", "2024-01-02"));

        isProblem(response, 409, Map.of("type", "https://fundbook.org/problems/transaction-id-reused",
                "title", "Conflict", "status", 409,
                "detail", "transaction " + tx + " was already used for a different request",
                "instance", group.path("/contributions"), "code", "TRANSACTION_ID_REUSED"));
    }

    @Test
    void aGroupRegisteredAgainUnderAnotherRequest() throws Exception {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        // the registration's key is the group id: a registration of it as a different request is refused
        jdbc.update("DELETE FROM idempotent_request WHERE transaction_id = ?::uuid", group.groupId);

        Api.Response response = api.post("/api/v1/groups", Api.body("groupId", group.groupId, "name", "Again",
                "scheme", "CEDAC", "location", Api.body("province", "Svay Rieng", "district", "Kompong Ro",
                        "commune", "Kseth", "village", "Kseth"), "registeredOn", "2024-01-01"));

        isProblem(response, 409, Map.of("type", "https://fundbook.org/problems/transaction-id-reused",
                "title", "Conflict", "status", 409, "detail", "group " + group.groupId + " is already registered",
                "instance", "/api/v1/groups", "code", "TRANSACTION_ID_REUSED"));
    }

    @Test
    void aLoginScopedToAGroupThatDoesNotExist() throws Exception {
        String groupId = Api.id();

        Api.Response response = api.post("/api/v1/users", Api.body("username", "cashier-" + groupId.substring(0, 8),
                "password", "a long passphrase", "role", "CASHIER", "groups", java.util.List.of(groupId)));

        isProblem(response, 404, Map.of("type", "https://fundbook.org/problems/group-not-found", "title", "Not Found",
                "status", 404, "detail", "no group " + groupId, "instance", "/api/v1/users", "code", "GROUP_NOT_FOUND"));
    }
}
