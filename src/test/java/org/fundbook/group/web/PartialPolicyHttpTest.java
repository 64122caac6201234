package org.fundbook.group.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.Test;

class PartialPolicyHttpTest extends IntegrationTest {

    @Test
    void aPartialPolicyIsCompletedFromTheSchemeDefaults() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", Map.of("memberMonthlyRateBp", 150));
        JsonNode policy = group.group().get("policy");
        assertThat(policy.get("memberMonthlyRateBp").asInt()).isEqualTo(150);
        assertThat(policy.get("interestMethod").asText()).isEqualTo("DECLINING");
        assertThat(policy.get("minInitialContribution").asLong()).isEqualTo(1_000);
        assertThat(policy.get("maxLoanPrincipal").isNull()).isTrue();
        assertThat(policy.get("interestAllocation").get("PREMIUM").asInt()).isEqualTo(10_000);
        assertThat(policy.get("nonMemberRates")).hasSize(2);
    }

    @Test
    void aPolicyChangeAppliesToLoansFromItsEffectiveDateOnly() {
        Ledger group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        String saver = group.member("Sok", "MEMBER", "2024-01-01");
        group.contribute(saver, 1_000_000, "2024-01-02");
        String before = group.lend(saver, 100_000, 3, "2024-01-10").get("loanId").asText();

        Api.Response changed = api.put(group.path("/policy"), Api.body("transactionId", Api.id(),
                "effectiveFrom", "2024-02-01", "policy", Map.of("memberMonthlyRateBp", 300)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

        assertThat(group.lend(saver, 100_000, 3, "2024-01-20").get("monthlyRateBp").asInt()).isEqualTo(200);
        assertThat(group.lend(saver, 100_000, 3, "2024-02-01").get("monthlyRateBp").asInt()).isEqualTo(300);
        JsonNode repayment = group.repay(before, 2_000, "2024-02-10");
        assertThat(repayment.get("interestPart").asLong()).as("the older loan keeps its rate").isEqualTo(2_000);
    }

    @Test
    void aBadPolicyIsRefusedBeforeTheGroupIsLookedUp() {
        Api.Response response = api.put("/api/v1/groups/" + Api.id() + "/policy", Api.body("transactionId", Api.id(),
                "effectiveFrom", "2024-01-01", "policy", Api.body("memberMonthlyRateBp", 0)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("policy.memberMonthlyRateBp");
    }

    @Test
    void aPolicyChangeSentAgainWithItsFieldsInAnotherOrderIsAReplay() {
        Ledger group = Ledger.register(api, "FSF", "2024-01-01", null);
        String tx = Api.id();
        Api.Response first = api.put(group.path("/policy"), "{\"transactionId\":\"" + tx
                + "\",\"effectiveFrom\":\"2024-02-01\",\"policy\":{\"memberMonthlyRateBp\":150,\"maxTermMonths\":6}}");
        Api.Response again = api.put(group.path("/policy"), "{\"policy\":{\"maxTermMonths\":6,\"memberMonthlyRateBp\""
                + ":150,\"colour\":\"blue\"},\"effectiveFrom\":\"2024-02-01\",\"transactionId\":\"" + tx + "\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void twoChangesOfDifferentFieldsOnTheSameDateBothHold() {
        Ledger group = Ledger.register(api, "FSF", "2024-01-01", null);
        api.put(group.path("/policy"), Api.body("transactionId", Api.id(), "effectiveFrom", "2024-02-01",
                "policy", Map.of("memberMonthlyRateBp", 150)));
        api.put(group.path("/policy"), Api.body("transactionId", Api.id(), "effectiveFrom", "2024-02-01",
                "policy", Map.of("maxTermMonths", 6)));
        var policy = group.group().get("policy");
        assertThat(policy.get("memberMonthlyRateBp").asInt()).isEqualTo(150);
        assertThat(policy.get("maxTermMonths").asInt()).isEqualTo(6);
    }
}
