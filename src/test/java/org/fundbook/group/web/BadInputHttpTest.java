package org.fundbook.group.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.fundbook.support.Api;
import org.fundbook.support.IntegrationTest;
import org.fundbook.support.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Malformed or out-of-range input is a 400 with the contract's code, and changes nothing. */
class BadInputHttpTest extends IntegrationTest {

    private Ledger group;
    private String member;

    @BeforeEach
    void aGroupWithOneSaver() {
        group = Ledger.register(api, "CEDAC", "2024-01-01", null);
        member = group.member("Sok", "MEMBER", "2024-01-01");
        group.contribute(member, 10_000, "2024-01-02");
    }

    private Api.Response contribute(Object amount, Object occurredOn) {
        return api.post(group.path("/contributions"), Api.body("transactionId", Api.id(), "memberId", member,
                "amount", amount, "occurredOn", occurredOn));
    }

    private void assertNothingChanged() {
        assertThat(group.group().get("balances").get("memberSavings").asLong()).isEqualTo(10_000);
    }

    @Test
    void fractionalRielAreRefusedNotTruncated() {
        Api.Response response = contribute(1500.5, "2024-01-03");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("amount");
        assertNothingChanged();
    }

    @Test
    void zeroNegativeAndHugeAmountsAreOutOfRange() {
        for (Object amount : new Object[] {0, -5, 1_000_000_000_001L}) {
            Api.Response response = contribute(amount, "2024-01-03");
            assertThat(response.status()).as("amount %s", amount).isEqualTo(400);
            assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        }
        assertNothingChanged();
    }

    @Test
    void anAmountGivenAsTextIsAValidationFailure() {
        Api.Response response = contribute("lots", "2024-01-03");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertNothingChanged();
    }

    @Test
    void impossibleDatesAreRefused() {
        Api.Response response = contribute(1_000, "2024-02-30");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("occurredOn");
        assertNothingChanged();
    }

    @Test
    void missingFieldsAreNamed() {
        Api.Response response = api.post(group.path("/contributions"), Api.body("memberId", member));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .contains("transactionId", "amount", "occurredOn");
        assertNothingChanged();
    }

    @Test
    void bodiesThatAreNotJsonAreMalformed() {
        Api.Response response = api.post(group.path("/contributions"), "{\"amount\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MALFORMED_REQUEST");
        assertNothingChanged();
    }

    @Test
    void unknownFieldsAreIgnored() {
        Api.Response response = api.post(group.path("/contributions"), Api.body("transactionId", Api.id(),
                "memberId", member, "amount", 1_000, "occurredOn", "2024-01-03", "tabletBattery", 42));
        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void aGroupIdThatIsNotAUuidIsAValidationFailure() {
        Api.Response response = api.get("/api/v1/groups/not-a-uuid");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void unknownGroupsAndMembersAreNotFound() {
        assertThat(api.get("/api/v1/groups/" + Api.id()).code()).isEqualTo("GROUP_NOT_FOUND");
        Api.Response unknownMember = api.post(group.path("/contributions"), Api.body("transactionId", Api.id(),
                "memberId", Api.id(), "amount", 1_000, "occurredOn", "2999-01-01"));
        assertThat(unknownMember.status()).isEqualTo(404);
        assertThat(unknownMember.code()).as("404 comes before the 422 of a future date")
                .isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get(group.path("/loans/" + Api.id())).code()).isEqualTo("LOAN_NOT_FOUND");
        assertThat(api.post(group.path("/emergency-grants/" + Api.id() + "/recoveries"), Api.body("transactionId",
                Api.id(), "amount", 5, "occurredOn", "2024-01-03")).code()).isEqualTo("GRANT_NOT_FOUND");
        assertThat(api.post(group.path("/reversals"), Api.body("transactionId", Api.id(),
                "reversedTransactionId", Api.id(), "reason", "typo", "occurredOn", "2024-01-03")).code())
                .isEqualTo("TRANSACTION_NOT_FOUND");
        assertNothingChanged();
    }

    @Test
    void validationComesBeforeNotFound() {
        Api.Response response = api.post("/api/v1/groups/" + Api.id() + "/contributions",
                Api.body("transactionId", Api.id(), "memberId", member, "amount", 0, "occurredOn", "2024-01-03"));
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void aPolicyWhoseSharesDoNotSumToTheWholeIsRefused() {
        Api.Response response = api.post("/api/v1/groups", Api.body("groupId", Api.id(), "name", "Bad policy",
                "scheme", "FSF", "location", Api.body("province", "Svay Rieng", "district", "Kompong Ro",
                        "commune", "Thnot", "village", "Thnot"), "registeredOn", "2024-01-01",
                "policy", Api.body("interestAllocation", Api.body("EMERGENCY_FUND", 5000))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("policy.interestAllocation");
    }

    @Test
    void bodiesOverOneMebibyteAreTooLarge() {
        String huge = "{\"transactionId\":\"" + Api.id() + "\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}";
        Api.Response response = api.post(group.path("/contributions"), huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertNothingChanged();
    }
}
