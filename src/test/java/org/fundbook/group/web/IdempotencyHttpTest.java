package org.fundbook.group.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

class IdempotencyHttpTest extends IntegrationTest {

    @Test
    void aRepeatedWriteRecordsOnceAndAnswersTheFirstAnswerAgain() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sok", "MEMBER", "2024-01-01");
        var body = Api.body("transactionId", Api.id(), "memberId", member, "amount", 5_000, "occurredOn", "2024-01-02");

        Api.Response first = api.post(group.path("/contributions"), body);
        Api.Response second = api.post(group.path("/contributions"), body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(5_000);
    }

    @Test
    void theSameTransactionIdWithAnotherBodyIsRefusedAndChangesNothing() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sok", "MEMBER", "2024-01-01");
        String transactionId = Api.id();
        api.post(group.path("/contributions"), Api.body("transactionId", transactionId, "memberId", member,
                "amount", 5_000, "occurredOn", "2024-01-02"));

        Api.Response reused = api.post(group.path("/contributions"), Api.body("transactionId", transactionId,
                "memberId", member, "amount", 6_000, "occurredOn", "2024-01-02"));

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("TRANSACTION_ID_REUSED");
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(5_000);
    }

    @Test
    void aTransactionIdUsedOnAnotherPathIsReused() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sok", "MEMBER", "2024-01-01");
        String transactionId = Api.id();
        api.post(group.path("/contributions"), Api.body("transactionId", transactionId, "memberId", member,
                "amount", 5_000, "occurredOn", "2024-01-02"));

        Api.Response reused = api.post(group.path("/withdrawals"), Api.body("transactionId", transactionId,
                "memberId", member, "amount", 5_000, "occurredOn", "2024-01-02"));

        assertThat(reused.status()).isEqualTo(409);
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(5_000);
    }

    @Test
    void registeringTheSameGroupTwiceAnswersTheFirstRegistration() {
        var body = Api.body("groupId", Api.id(), "name", "Prey Tung 1", "scheme", "CEDAC",
                "location", Api.body("province", "Prey Veng", "district", "Sithor Kandal", "commune", "Prey Tung",
                        "village", "Prey Tung"), "registeredOn", "2024-01-01");
        Api.Response first = api.post("/api/v1/groups", body);
        Api.Response second = api.post("/api/v1/groups", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());

        body.put("name", "Another name");
        assertThat(api.post("/api/v1/groups", body).code()).isEqualTo("TRANSACTION_ID_REUSED");
    }

    @Test
    void aRefusedWriteIsNotRememberedSoItCanSucceedLater() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String member = group.member("Sok", "MEMBER", "2024-01-01");
        var withdrawal = Api.body("transactionId", Api.id(), "memberId", member, "amount", 2_000,
                "occurredOn", "2024-01-03");
        assertThat(api.post(group.path("/withdrawals"), withdrawal).code()).isEqualTo("INSUFFICIENT_SAVINGS");

        group.contribute(member, 5_000, "2024-01-02");

        assertThat(api.post(group.path("/withdrawals"), withdrawal).status()).isEqualTo(201);
    }
}
